namespace AeSweep.Storage.Model;

/// <summary>
/// A running trial (its sweep's id is <c>Trial.SweepId</c>) with its sweep's name and the highest epoch it has reported
/// (0: none yet).
/// </summary>
public sealed record RunningTrial(TrialSnapshot Trial, string SweepName, int LatestEpoch);
