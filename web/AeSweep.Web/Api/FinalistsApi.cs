using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>Seed-robust finalists (<c>finalize:</c>): <c>GET /api/sweeps/{id}/finalists</c>.</summary>
public static class FinalistsApi
{
    public static IEndpointRouteBuilder MapFinalistsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/sweeps").WithTags("sweeps")
            .MapGet("/{id}/finalists", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The sweep's finalize setting and its finalists: each original trial's parameters, runs (the original and its finalist runs with their seeds), "
                + "and per metric the mean and sample std over the completed finalist runs, ranked by the mean of the sweep's metric. Empty until the search has ended.");
        return api;
    }

    private static async Task<Results<Ok<FinalistListView>, ProblemHttpResult>> GetAsync(string id, ISweepQueries queries, CancellationToken ct) =>
        await queries.GetFinalistsAsync(id, ct) is { } finalists ? TypedResults.Ok(finalists) : ApiProblems.NotFound("sweep", id);
}
