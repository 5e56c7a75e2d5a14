using AeSweep.Core.Trials;

namespace AeSweep.Worker.Runners;

/// <summary>How a trial ended on this worker.</summary>
public sealed record TrialRunResult(
    TrialState State,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Artifacts,
    string? Reason,
    int EpochsRun)
{
    /// <summary>The trial stopped because this worker no longer holds it: nothing is reported.</summary>
    public static TrialRunResult Abandoned { get; } = new(TrialState.Cancelled, new Dictionary<string, double>(), new Dictionary<string, string>(), "lease lost", 0);
}
