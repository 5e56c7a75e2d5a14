namespace AeSweep.Storage.Model;

/// <summary>A sweep and all its trials in number order, without their epochs.</summary>
public sealed record SweepTrials(SweepSnapshot Sweep, IReadOnlyList<TrialSnapshot> Trials);
