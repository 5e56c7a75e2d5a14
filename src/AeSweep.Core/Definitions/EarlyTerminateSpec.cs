namespace AeSweep.Core.Definitions;

/// <summary>The sweep file's <c>early_terminate</c> section.</summary>
/// <param name="Type">Which pruner.</param>
/// <param name="MinEpochs">ASHA/Hyperband/PASHA minimum resource (W&amp;B's <c>min_iter</c>).</param>
/// <param name="ReductionFactor">ASHA/Hyperband/PASHA reduction factor η (W&amp;B's <c>eta</c>).</param>
/// <param name="MaxEpochs">Hyperband/PASHA maximum resource (W&amp;B's <c>max_iter</c>); null: the sweep's epochs.</param>
/// <param name="StartupTrials">Median: trials that must finish before any is pruned.</param>
/// <param name="WarmupEpochs">Median: epochs a trial runs before it can be pruned.</param>
public sealed record EarlyTerminateSpec(
    EarlyTerminateType Type,
    int MinEpochs = 1,
    int ReductionFactor = 3,
    int? MaxEpochs = null,
    int StartupTrials = 5,
    int WarmupEpochs = 0)
{
    /// <summary>
    /// ASHA/Hyperband: rank the trials at a rung by where their learning curves are heading (a least-squares
    /// forecast at the full budget, <see cref="Search.Pruners.LearningCurveForecast"/>) instead of the value reached so
    /// far (<c>extrapolate: true</c>).
    /// </summary>
    public bool Extrapolate { get; init; }

    /// <summary>No pruning.</summary>
    public static EarlyTerminateSpec None { get; } = new(EarlyTerminateType.None);
}
