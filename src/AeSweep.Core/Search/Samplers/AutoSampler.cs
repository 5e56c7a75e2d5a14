using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// <c>method: auto</c>: quasi-random trials (<see cref="QuasiRandomSampler"/>) until
/// <see cref="AutoSamplerPlan.StartTrials"/> trials have finished, then the model sampler the plan names. Holds
/// no state between asks, so the same seed and history give the same suggestion, also after a restart.
/// </summary>
public sealed class AutoSampler : ISampler
{
    private readonly QuasiRandomSampler _start;
    private readonly ISampler _gp;
    private readonly ISampler _tpe;

    /// <summary>Creates the auto sampler.</summary>
    /// <param name="seed">The sweep's seed (the quasi-random scramble).</param>
    /// <param name="plan">What to run (<see cref="AutoSamplerPolicy.Plan"/>).</param>
    /// <param name="gp">The Gaussian-process sampler, for <see cref="AutoModel.Gp"/>.</param>
    /// <param name="tpe">The TPE sampler, for <see cref="AutoModel.Tpe"/> and after <see cref="AutoSamplerPlan.GpUntilTrial"/>.</param>
    public AutoSampler(long seed, AutoSamplerPlan plan, ISampler gp, ISampler tpe)
    {
        _start = new QuasiRandomSampler(seed);
        Plan = plan;
        _gp = gp;
        _tpe = tpe;
    }

    /// <summary>The plan in use.</summary>
    public AutoSamplerPlan Plan { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue>? Sample(SamplingContext context)
    {
        // Finished trials, as a model counts its observations: with parallel workers the start phase lasts
        // until that many results are in, and the extra asks meanwhile continue the low-discrepancy sequence.
        var finished = 0;
        foreach (var trial in context.Trials)
        {
            finished += trial.State is TrialState.Completed or TrialState.Pruned ? 1 : 0;
        }

        if (finished < Plan.StartTrials)
        {
            return _start.Sample(context);
        }

        return (Plan.ModelAt(context.TrialNumber) == AutoModel.Gp ? _gp : _tpe).Sample(context);
    }
}
