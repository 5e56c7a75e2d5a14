namespace AeSweep.Application.Views;

/// <summary>One page of leaderboard rows and how many trials match the filters in all.</summary>
public sealed record LeaderboardPage(int Total, IReadOnlyList<LeaderboardTrial> Trials);
