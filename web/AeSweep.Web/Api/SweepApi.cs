using AeSweep.Cluster;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using AeSweep.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>The REST API under /api (DESIGN.md): every route needs an API key; errors are RFC 7807 problem details.</summary>
public static class SweepApi
{
    /// <summary>The most items one page of a list holds.</summary>
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAeSweepApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccessPolicies.Api).ProducesProblem(StatusCodes.Status401Unauthorized);
        var sweeps = api.MapGroup("/sweeps").WithTags("sweeps");
        sweeps.MapPost("", SubmitAsync)
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Submit a sweep file (YAML or JSON body); 201 with the sweep's id, 400 with every error's field path and line; 403 for a program: sweep this server was not started to run (--allow-programs, --allow-program).");
        sweeps.MapGet("", async (ISweepReadModel store, string? offset, string? limit, CancellationToken ct) =>
        {
            if (ParsePaging(offset, limit, out var skip, out var take) is { } invalid)
            {
                return invalid;
            }

            var page = await store.ListSweepsAsync(skip, take, ct);
            return Results.Ok(new { total = page.Total, offset = skip, limit = take, items = page.Items.Select(ApiViews.Sweep) });
        }).ProducesProblem(StatusCodes.Status400BadRequest).WithSummary($"List sweeps, newest first (offset/limit pagination, limit ≤ {MaxPageSize}).");
        sweeps.MapGet("/{id}", async (string id, ISweepReadModel store, CancellationToken ct) =>
            await store.GetSweepAsync(id, ct) is { } sweep
                ? Results.Ok(ApiViews.SweepWithCounts(sweep, await store.CountTrialsByStateAsync(id, ct)))
                : ApiProblems.NotFound("sweep", id))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One sweep with its trial counts per state.");
        sweeps.MapGet("/{id}/trials", ListTrialsAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A page of the sweep's trials: parameters, state, metrics, objective, epochs run, duration, PCA baseline and gain. "
                + "offset/limit (limit ≤ 500); sort = number | state | started_at | finished_at | objective (prefix '-' for descending); state filters by trial state.");
        sweeps.MapPost("/{id}/cancel", CancelAsync)
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a sweep and its unfinished trials; 202, or 409 when it has already finished.");
        sweeps.MapGet("/{id}/export", SweepExport.ExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Every trial of the sweep, one row each: number, state, parameters (param.NAME) and final metrics (metric.NAME); format = csv (RFC 4180, with a header) | json.");
        AskTellApi.Map(api);
        TrialApi.Map(api);
        api.MapGet("/workers", async (ISweepReadModel store, CancellationToken ct) =>
            Results.Ok(new { items = (await store.ListWorkersAsync(ct)).Select(ApiViews.Worker) }))
            .WithTags("workers")
            .WithSummary("The workers that registered: host, devices, slots, online or offline, last heartbeat.");
        return endpoints;
    }

    /// <summary>Offset ≥ 0 and 1 ≤ limit ≤ <see cref="MaxPageSize"/> (default 50).</summary>
    public static (int Offset, int Limit) Paging(int? offset, int? limit) =>
        (Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 50, 1, MaxPageSize));

    /// <summary>
    /// Reads offset and limit from the query (bound as text so that a malformed one gets a 400 saying what is wrong,
    /// not the framework's bare 400); limits above <see cref="MaxPageSize"/> are capped. Null when both are usable.
    /// </summary>
    public static IResult? ParsePaging(string? offset, string? limit, out int skip, out int take)
    {
        (skip, take) = Paging(0, null);
        int? offsetValue = null, limitValue = null;
        if (!string.IsNullOrEmpty(offset))
        {
            if (!int.TryParse(offset, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
            {
                return ApiProblems.BadRequest("offset", $"offset must be an integer of 0 or more, not '{offset}'");
            }

            offsetValue = parsed;
        }

        if (!string.IsNullOrEmpty(limit))
        {
            if (!int.TryParse(limit, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return ApiProblems.BadRequest("limit", $"limit must be an integer from 1 to {MaxPageSize} (larger values are capped), not '{limit}'");
            }

            limitValue = parsed;
        }

        (skip, take) = Paging(offsetValue, limitValue);
        return null;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, SweepSubmitter submitter, CancellationToken ct)
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

        var parsed = SweepDefinitionParser.Parse(text);
        if (!parsed.IsValid)
        {
            return ApiProblems.InvalidSweep(parsed.Errors);
        }

        SweepSnapshot sweep;
        try
        {
            sweep = await submitter.SubmitAsync(parsed.Definition!, ct);
        }
        catch (ProgramNotAllowedException ex)
        {
            return ApiProblems.ProgramNotAllowed(ex.Message);
        }

        return Results.Created($"/api/sweeps/{sweep.Id}", new { id = sweep.Id, name = sweep.Name });
    }

    private static async Task<IResult> ListTrialsAsync(string id, ISweepReadModel store, string? offset, string? limit, string? sort, string? state, CancellationToken ct)
    {
        if (ParsePaging(offset, limit, out var skip, out var take) is { } invalid)
        {
            return invalid;
        }

        if (await store.GetSweepAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("sweep", id);
        }

        var descending = sort?.StartsWith('-') == true;
        var sortName = descending ? sort![1..] : sort;
        TrialSortKey key;
        switch (sortName)
        {
            case null or "" or "number": key = TrialSortKey.Number; break;
            case "state": key = TrialSortKey.State; break;
            case "started_at": key = TrialSortKey.StartedAt; break;
            case "finished_at": key = TrialSortKey.FinishedAt; break;
            case "objective": key = TrialSortKey.Objective; break;
            default: return ApiProblems.BadRequest("sort", $"'{sort}' is not one of number, state, started_at, finished_at, objective (prefix '-' for descending)");
        }

        TrialState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<TrialState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
            {
                return ApiProblems.BadRequest("state", $"'{state}' is not one of {string.Join(", ", Enum.GetValues<TrialState>().Select(ApiViews.Name))}");
            }

            filter = parsed;
        }

        var page = await store.ListTrialsAsync(id, new TrialQuery(skip, take, key, descending, filter), ct);
        return Results.Ok(new { total = page.Total, offset = skip, limit = take, items = page.Items.Select(ApiViews.Trial) });
    }

    private static async Task<IResult> CancelAsync(string id, ISweepReadModel store, SweepSubmitter submitter, CancellationToken ct)
    {
        var sweep = await store.GetSweepAsync(id, ct);
        if (sweep is null)
        {
            return ApiProblems.NotFound("sweep", id);
        }

        if (SweepStateRules.IsFinished(sweep.State))
        {
            return ApiProblems.Conflict("Sweep already finished", $"Sweep '{id}' is {ApiViews.Name(sweep.State)}; there is nothing to cancel.");
        }

        await submitter.CancelAsync(id, "cancelled through the API");
        return Results.Accepted($"/api/sweeps/{id}", new { id, state = ApiViews.Name(SweepState.Cancelled) });
    }
}
