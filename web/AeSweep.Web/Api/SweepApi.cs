using AeSweep.Cluster;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>The REST API under /api (DESIGN.md): every route needs an API key; errors are RFC 7807 problem details.</summary>
public static class SweepApi
{
    public static IEndpointRouteBuilder MapAeSweepApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(AccessPolicies.Api).WithTags("sweeps");
        api.MapPost("/sweeps", SubmitAsync)
            .Accepts<string>("application/yaml", "application/json", "text/yaml", "text/plain")
            .WithSummary("Submit a sweep file (YAML or JSON body); 201 with the sweep's id, 400 with every error's field path and line.");
        api.MapGet("/sweeps", async (ISweepStore store, int? offset, int? limit, CancellationToken ct) =>
        {
            var page = await store.ListSweepsAsync(Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 50, 1, 500), ct);
            return Results.Ok(new { total = page.Total, offset = offset ?? 0, items = page.Items.Select(ApiViews.Sweep) });
        }).WithSummary("List sweeps, newest first (offset/limit pagination, limit ≤ 500).");
        api.MapGet("/sweeps/{id}", async (string id, ISweepStore store, CancellationToken ct) =>
            await store.GetSweepAsync(id, ct) is { } sweep
                ? Results.Ok(ApiViews.SweepWithCounts(sweep, await store.CountTrialsByStateAsync(id, ct)))
                : ApiProblems.NotFound("sweep", id))
            .WithSummary("One sweep with its trial counts per state.");
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, SweepSubmitter submitter, CancellationToken ct)
    {
        string text;
        using (var reader = new StreamReader(request.Body))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var parsed = SweepDefinitionParser.Parse(text);
        if (!parsed.IsValid)
        {
            return ApiProblems.InvalidSweep(parsed.Errors);
        }

        var sweep = await submitter.SubmitAsync(parsed.Definition!, ct);
        return Results.Created($"/api/sweeps/{sweep.Id}", new { id = sweep.Id, name = sweep.Name });
    }
}
