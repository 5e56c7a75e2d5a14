using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AeSweep.Web.Api;

/// <summary>
/// RFC 7807 problem details the API returns, with machine-readable extensions. Typed as
/// <see cref="ProblemHttpResult"/> (not <c>NotFound&lt;ProblemDetails&gt;</c>) because only it writes
/// <c>application/problem+json</c>; each route declares its problem statuses for the OpenAPI document.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} '{id}'.",
            extensions: new Dictionary<string, object?> { ["id"] = id });

    /// <summary>400 naming the request field that is wrong, in the same <c>errors</c> shape as an invalid sweep file.</summary>
    public static ProblemHttpResult BadRequest(string field, string message) => BadRequest(new FieldErrorView(field, null, message));

    /// <summary>400 with every wrong field of a request (the first one in the detail's lead).</summary>
    public static ProblemHttpResult BadRequest(IReadOnlyList<FieldErrorView> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            detail: string.Join("\n", errors.Select(e => $"{e.Path}: {e.Message}")),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult BadRequest(FieldErrorView error) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            detail: $"{error.Path}: {error.Message}",
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { error } });

    /// <summary>The server refused the request body while it was read: 413 above the size limit, else 400.</summary>
    public static ProblemHttpResult UnreadableBody(BadHttpRequestException ex) =>
        TypedResults.Problem(
            statusCode: ex.StatusCode,
            title: ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Unreadable request body",
            detail: ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"Request bodies are limited to {AeSweepWebServer.MaxRequestBodyBytes / (1024 * 1024)} MiB."
                : ex.Message);

    /// <summary>403: a <c>program:</c> sweep the server's policy refuses; the detail names the options that allow it.</summary>
    public static ProblemHttpResult ProgramNotAllowed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Program sweeps are not allowed here", detail: detail);

    /// <summary>409: the request is valid but the sweep or trial is in a state that refuses it.</summary>
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>400 with one entry per error: its field path, line (when the file is YAML or JSON text) and message.</summary>
    public static ProblemHttpResult InvalidSweep(IReadOnlyList<ValidationError> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid sweep file",
            detail: string.Join("\n", errors.Select(e => e.ToString())),
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new FieldErrorView(e.Path, e.Line, e.Message)).ToList() });
}
