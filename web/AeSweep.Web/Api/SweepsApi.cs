using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>Sweeps: submit, list, one sweep, its trials, cancel and export (<c>/api/sweeps</c>).</summary>
public static class SweepsApi
{
    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder api)
    {
        var sweeps = api.MapGroup("/sweeps").WithTags("sweeps");
        sweeps.MapPost("", SubmitAsync)
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Submit a sweep file (YAML or JSON body); 201 with the sweep's id, 400 with every error's field path and line; 403 for a program: sweep this server was not started to run (--allow-programs, --allow-program).");
        sweeps.MapGet("", ListAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary($"List sweeps, newest first (offset/limit pagination, limit ≤ {PageRequest.MaxLimit}).");
        sweeps.MapGet("/progress", ListProgressAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary($"List sweeps with progress, newest first: each sweep, its budget, trial counts per state and its best trial so far (offset/limit, limit ≤ {PageRequest.MaxLimit}).");
        sweeps.MapGet("/{id}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One sweep with its trial counts per state.");
        sweeps.MapGet("/{id}/trials", ListTrialsAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A page of the sweep's trials: parameters, state, metrics, objective, epochs run, duration, PCA baseline and gain. "
                + $"offset/limit (limit ≤ {PageRequest.MaxLimit}); sort = number | state | started_at | finished_at | objective (prefix '-' for descending); state filters by trial state.");
        sweeps.MapPost("/{id}/cancel", CancelAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a sweep and its unfinished trials; 202, or 409 when it has already finished.");
        sweeps.MapGet("/{id}/export", ExportAsync)
            // One schema per status code in OpenAPI: the JSON one is documented; format=csv answers text/csv.
            .Produces<SweepExportView>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every trial of the sweep, one row each: number, state, parameters (param.NAME) and final metrics (metric.NAME); format = csv (RFC 4180, with a header) | json.");
        return api;
    }

    private static async Task<Results<Created<SubmittedSweepView>, ProblemHttpResult>> SubmitAsync(HttpRequest request, ISweepCommands commands, CancellationToken ct)
    {
        string text;
        try
        {
            using var reader = new StreamReader(request.Body);
            text = await reader.ReadToEndAsync(ct);
        }
        catch (BadHttpRequestException ex)
        {
            return ApiProblems.UnreadableBody(ex);
        }

        var result = await commands.SubmitAsync(text, ct);
        return result.Outcome switch
        {
            SubmitOutcome.Submitted => TypedResults.Created($"/api/sweeps/{result.Sweep!.Id}", result.Sweep),
            SubmitOutcome.ProgramRefused => ApiProblems.ProgramNotAllowed(result.Refusal!),
            _ => ApiProblems.InvalidSweep(result.Errors),
        };
    }

    private static async Task<Results<Ok<PageView<SweepView>>, ProblemHttpResult>> ListAsync([AsParameters] PageQuery query, ISweepQueries queries, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(query.Offset, query.Limit);
        return page is null ? ApiProblems.BadRequest(error!) : TypedResults.Ok(await queries.ListSweepsAsync(page, ct));
    }

    private static async Task<Results<Ok<PageView<SweepProgressView>>, ProblemHttpResult>> ListProgressAsync([AsParameters] PageQuery query, ISweepQueries queries, CancellationToken ct)
    {
        var (page, error) = PageRequest.Parse(query.Offset, query.Limit);
        return page is null ? ApiProblems.BadRequest(error!) : TypedResults.Ok(await queries.ListSweepProgressAsync(page, ct));
    }

    private static async Task<Results<Ok<SweepDetailView>, ProblemHttpResult>> GetAsync(string id, ISweepQueries queries, CancellationToken ct) =>
        await queries.GetSweepAsync(id, ct) is { } sweep ? TypedResults.Ok(sweep) : ApiProblems.NotFound("sweep", id);

    private static async Task<Results<Ok<PageView<TrialView>>, ProblemHttpResult>> ListTrialsAsync(string id, [AsParameters] TrialPageQuery query, ISweepQueries queries, CancellationToken ct)
    {
        var (request, error) = TrialPageRequest.Parse(query.Offset, query.Limit, query.Sort, query.State);
        if (request is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        return await queries.ListTrialsAsync(id, request, ct) is { } page ? TypedResults.Ok(page) : ApiProblems.NotFound("sweep", id);
    }

    private static async Task<Results<Accepted<CancelledSweepView>, ProblemHttpResult>> CancelAsync(string id, ISweepCommands commands, CancellationToken ct)
    {
        var result = await commands.CancelAsync(id, "cancelled through the API", ct);
        return result.Outcome switch
        {
            CancelOutcome.Cancelling => TypedResults.Accepted($"/api/sweeps/{id}", new CancelledSweepView(id, ContractMapping.Name(Storage.SweepState.Cancelled))),
            CancelOutcome.NotFound => ApiProblems.NotFound("sweep", id),
            _ => ApiProblems.Conflict("Sweep already finished", result.Detail),
        };
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(string id, string? format, ISweepQueries queries, CancellationToken ct)
    {
        if (format is not ("csv" or "json"))
        {
            return ApiProblems.BadRequest("format", format is null ? "required: csv or json" : $"'{format}' is not csv or json");
        }

        var file = await queries.ExportAsync(id, format == "csv" ? ExportFormat.Csv : ExportFormat.Json, ct);
        return file is null ? ApiProblems.NotFound("sweep", id) : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
