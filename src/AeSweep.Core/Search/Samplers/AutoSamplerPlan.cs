using System.Globalization;

namespace AeSweep.Core.Search.Samplers;

/// <summary>What <c>method: auto</c> does for one sweep; made by <see cref="AutoSamplerPolicy.Plan"/>.</summary>
/// <param name="StartTrials">Finished trials drawn quasi-randomly before a model takes over.</param>
/// <param name="Model">The model sampler after the start.</param>
/// <param name="GpUntilTrial">With <see cref="AutoModel.Gp"/>: the trial number from which TPE takes over; null when the budget ends first.</param>
/// <param name="Reason">Why this model, in words (the parameters or the budget that decided it).</param>
public sealed record AutoSamplerPlan(int StartTrials, AutoModel Model, int? GpUntilTrial, string Reason)
{
    /// <summary>The model that suggests trial <paramref name="trialNumber"/> once the start is over.</summary>
    public AutoModel ModelAt(int trialNumber) =>
        Model == AutoModel.Gp && (GpUntilTrial is null || trialNumber < GpUntilTrial) ? AutoModel.Gp : AutoModel.Tpe;

    /// <summary>The plan for people, e.g. "auto: quasi-random start (12 trials), then gp (6 numeric parameters, max_trials 60)".</summary>
    public string Describe()
    {
        var start = $"auto: quasi-random start ({StartTrials.ToString(CultureInfo.InvariantCulture)} trials)";
        return Model == AutoModel.Tpe
            ? $"{start}, then tpe ({Reason})"
            : GpUntilTrial is { } until
                ? $"{start}, then gp ({Reason}) until trial {until.ToString(CultureInfo.InvariantCulture)}, then tpe"
                : $"{start}, then gp ({Reason})";
    }
}
