namespace AeSweep.Application.Views;

/// <summary>A leaderboard row: the trial, how many epochs it reported, and its latest epoch's metrics (what a trial without final metrics shows).</summary>
public sealed record LeaderboardTrial(TrialRecord Trial, int EpochsRun, IReadOnlyDictionary<string, double>? LatestEpochMetrics);
