namespace AeSweep.Application.Live;

/// <summary>One change for live views: the sweep it belongs to, the trial when a trial changed, and its kind.</summary>
public sealed record SweepUpdate(string SweepId, string? TrialId, SweepUpdateKind Kind)
{
    public static SweepUpdate OfSweep(string sweepId) => new(sweepId, null, SweepUpdateKind.Sweep);

    public static SweepUpdate OfTrial(string sweepId, string trialId) => new(sweepId, trialId, SweepUpdateKind.Trial);
}
