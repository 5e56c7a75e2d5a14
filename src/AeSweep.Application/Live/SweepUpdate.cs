namespace AeSweep.Application.Live;

/// <summary>
/// One change for live views: the sweep it belongs to, the trial when a trial changed, and its kind; a worker change
/// (drain, undrain) belongs to no sweep (empty <see cref="SweepId"/>) and names the worker, so only views following
/// everything (the cluster page) reload for it.
/// </summary>
public sealed record SweepUpdate(string SweepId, string? TrialId, SweepUpdateKind Kind, string? WorkerId = null)
{
    public static SweepUpdate OfSweep(string sweepId) => new(sweepId, null, SweepUpdateKind.Sweep);

    public static SweepUpdate OfTrial(string sweepId, string trialId) => new(sweepId, trialId, SweepUpdateKind.Trial);

    public static SweepUpdate OfWorker(string workerId) => new(string.Empty, null, SweepUpdateKind.Worker, workerId);
}
