using AeSweep.Core.Definitions;
using Microsoft.AspNetCore.Http;

namespace AeSweep.Web.Api;

/// <summary>RFC 7807 problem details the API returns, with machine-readable extensions.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} '{id}'.");

    /// <summary>400 with one entry per error: its field path, line (when the file is YAML or JSON text) and message.</summary>
    public static IResult InvalidSweep(IEnumerable<ValidationError> errors)
    {
        var list = errors.ToList();
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid sweep file",
            detail: string.Join("\n", list.Select(e => e.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = list.Select(e => new { path = e.Path, line = e.Line, message = e.Message }).ToList(),
            });
    }
}
