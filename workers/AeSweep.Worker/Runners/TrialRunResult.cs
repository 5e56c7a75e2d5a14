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
    /// <summary>
    /// The trial ran out of device memory (CUDA). The worker requeues it with fewer neighbours instead of failing it,
    /// when it had neighbours; alone, it fails with this reason.
    /// </summary>
    public bool OutOfDeviceMemory { get; init; }

    /// <summary>A trial stopped by a CUDA out-of-memory error: see <see cref="OutOfDeviceMemory"/>.</summary>
    public static TrialRunResult DeviceOutOfMemory(string reason, int epochsRun) =>
        new(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), reason, epochsRun) { OutOfDeviceMemory = true };

    public static TrialRunResult Abandoned { get; } = new(TrialState.Cancelled, new Dictionary<string, double>(), new Dictionary<string, string>(), "lease lost", 0);
}
