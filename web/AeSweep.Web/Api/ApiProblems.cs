using AeSweep.Core.Definitions;
using Microsoft.AspNetCore.Http;

namespace AeSweep.Web.Api;

/// <summary>RFC 7807 problem details the API returns, with machine-readable extensions.</summary>
public static class ApiProblems
{
    public static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} '{id}'.",
            extensions: new Dictionary<string, object?> { ["id"] = id });

    /// <summary>400 naming the request field that is wrong, in the same <c>errors</c> shape as an invalid sweep file.</summary>
    public static IResult BadRequest(string field, string message) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            detail: $"{field}: {message}",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new[] { new { path = field, line = (int?)null, message } },
            });

    /// <summary>The server refused the request body while it was read: 413 above the size limit, else 400.</summary>
    public static IResult UnreadableBody(BadHttpRequestException ex) =>
        Results.Problem(
            statusCode: ex.StatusCode,
            title: ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Unreadable request body",
            detail: ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"Request bodies are limited to {AeSweepWebServer.MaxRequestBodyBytes / (1024 * 1024)} MiB."
                : ex.Message);

    /// <summary>403: a <c>program:</c> sweep the server's policy refuses; the detail names the options that allow it.</summary>
    public static IResult ProgramNotAllowed(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Program sweeps are not allowed here", detail: detail);

    /// <summary>409: the request is valid but the sweep or trial is in a state that refuses it.</summary>
    public static IResult Conflict(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

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
