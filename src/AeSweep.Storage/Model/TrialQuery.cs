using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A page of a sweep's trials: optional state filter, sort key and direction, offset and limit (1..1000). The
/// leaderboard's additions (all optional, all applied in the database): <paramref name="SortName"/> names the metric or
/// parameter for <see cref="TrialSortKey.Metric"/> / <see cref="TrialSortKey.Parameter"/>; <paramref name="States"/> keeps
/// any of those states; <paramref name="Ranges"/> bound metric or parameter values; <paramref name="Text"/> is the quick
/// search (every whitespace-separated term must match, see <c>TrialFiltering</c>).
/// </summary>
public sealed record TrialQuery(
    int Offset = 0,
    int Limit = 50,
    TrialSortKey SortBy = TrialSortKey.Number,
    bool Descending = false,
    TrialState? State = null,
    string? SortName = null,
    IReadOnlyCollection<TrialState>? States = null,
    IReadOnlyList<TrialValueRange>? Ranges = null,
    string? Text = null);
