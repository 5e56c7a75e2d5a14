using Microsoft.AspNetCore.Mvc;

namespace AeSweep.Web.Api;

/// <summary>A trial page's offset, limit, sort and state filter from the query string, bound as text (see <see cref="PageQuery"/>).</summary>
public readonly record struct TrialPageQuery(
    [FromQuery(Name = "offset")] string? Offset,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "state")] string? State);
