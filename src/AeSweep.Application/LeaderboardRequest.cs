using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>
/// One page of the dashboard's leaderboard, sorted and filtered in the database: sort key (with the metric or
/// parameter name for <see cref="TrialSortKey.Metric"/>/<see cref="TrialSortKey.Parameter"/>), direction, the states
/// kept (none: all), value ranges and the quick-search text (<c>#12</c>, <c>name=value</c>, a state, or any text).
/// </summary>
public sealed record LeaderboardRequest(
    PageRequest Page,
    TrialSortKey SortBy = TrialSortKey.Objective,
    string? SortName = null,
    bool Descending = false,
    IReadOnlyCollection<TrialState>? States = null,
    IReadOnlyList<TrialValueRange>? Ranges = null,
    string? Text = null);
