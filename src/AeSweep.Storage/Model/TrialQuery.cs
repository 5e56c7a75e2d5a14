using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>A page of a sweep's trials: optional state filter, sort key and direction, offset and limit (1..1000).</summary>
public sealed record TrialQuery(
    int Offset = 0,
    int Limit = 50,
    TrialSortKey SortBy = TrialSortKey.Number,
    bool Descending = false,
    TrialState? State = null);
