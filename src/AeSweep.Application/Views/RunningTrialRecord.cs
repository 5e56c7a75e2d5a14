namespace AeSweep.Application.Views;

/// <summary>A running trial with its sweep, the latest epoch it reported (0: none yet) and the epochs it plans (when a parameter says).</summary>
public sealed record RunningTrialRecord(TrialRecord Trial, string SweepId, string SweepName, int LatestEpoch, int? PlannedEpochs);
