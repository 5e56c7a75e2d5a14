using Microsoft.AspNetCore.Mvc;

namespace AeSweep.Web.Api;

/// <summary>
/// A list's offset and limit from the query string, bound as text so that a malformed one gets a 400 saying what is
/// wrong, not the framework's bare 400.
/// </summary>
public readonly record struct PageQuery(
    [FromQuery(Name = "offset")] string? Offset,
    [FromQuery(Name = "limit")] string? Limit);
