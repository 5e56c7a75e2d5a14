using System.Text.Json;
using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>
/// Markdown notes: <c>PUT /api/sweeps/{id}/notes</c> and <c>PUT /api/trials/{id}/notes</c> with <c>{"notes": "..."}</c>
/// (at most <see cref="NotesRules.MaxLength"/> characters; empty or null clears them). The notes come back in
/// <c>GET /api/sweeps/{id}</c> and <c>GET /api/trials/{id}</c>.
/// </summary>
public static class NotesApi
{
    public static IEndpointRouteBuilder MapNotesApi(this IEndpointRouteBuilder api)
    {
        api.MapPut("/sweeps/{id}/notes", PutSweepNotesAsync)
            .WithTags("sweeps")
            .Accepts<NotesRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary($"Replace a sweep's Markdown notes: {{\"notes\": \"...\"}} (at most {NotesRules.MaxLength} characters; empty or null clears them).");
        api.MapPut("/trials/{id}/notes", PutTrialNotesAsync)
            .WithTags("trials")
            .Accepts<NotesRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary($"Replace a trial's Markdown notes: {{\"notes\": \"...\"}} (at most {NotesRules.MaxLength} characters; empty or null clears them).");
        return api;
    }

    private static async Task<Results<Ok<NotesView>, ProblemHttpResult>> PutSweepNotesAsync(string id, HttpRequest request, ISweepNotes notes, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(request, ct);
        return problem ?? Answer(await notes.SetSweepNotesAsync(id, body!.Notes, ct), "sweep", id);
    }

    private static async Task<Results<Ok<NotesView>, ProblemHttpResult>> PutTrialNotesAsync(string id, HttpRequest request, ISweepNotes notes, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(request, ct);
        return problem ?? Answer(await notes.SetTrialNotesAsync(id, body!.Notes, ct), "trial", id);
    }

    private static Results<Ok<NotesView>, ProblemHttpResult> Answer(NotesResult result, string what, string id) => result.Outcome switch
    {
        NotesOutcome.Saved => TypedResults.Ok(result.Notes!),
        NotesOutcome.Invalid => ApiProblems.BadRequest(result.Error!),
        _ => ApiProblems.NotFound(what, id),
    };

    // The body must be a JSON object whose "notes" is a string or null; anything else is a 400 naming the field.
    private static async Task<(NotesRequest? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiProblems.BadRequest("(body)", "must be a JSON object such as {\"notes\": \"...\"}"));
            }

            if (!root.TryGetProperty("notes", out var notes))
            {
                return (null, ApiProblems.BadRequest("notes", "required (a string; empty or null clears the notes)"));
            }

            return notes.ValueKind switch
            {
                JsonValueKind.String => (new NotesRequest(notes.GetString()), null),
                JsonValueKind.Null => (new NotesRequest(null), null),
                _ => (null, ApiProblems.BadRequest("notes", $"must be a string, not {notes.ValueKind.ToString().ToLowerInvariant()}")),
            };
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest("(body)", $"not valid JSON: {ex.Message}"));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ApiProblems.UnreadableBody(ex));
        }
    }
}
