using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>A multi-objective sweep's Pareto front (<c>GET /api/sweeps/{id}/pareto</c>).</summary>
public static class ParetoApi
{
    public static IEndpointRouteBuilder MapParetoApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sweeps/{id}/pareto", GetAsync)
            .WithTags("sweeps")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The Pareto front of a multi-objective sweep (metrics:): the completed trials no other completed trial dominates, "
                + "ordered by the first objective, each with trial_id, parameters, metrics and objective values, plus the PCA baseline per code size; "
                + "404 for an unknown sweep, 409 for a sweep with one objective (metric:).");
        return api;
    }

    private static async Task<Results<Ok<ParetoFrontView>, ProblemHttpResult>> GetAsync(string id, IParetoQueries queries, CancellationToken ct)
    {
        var lookup = await queries.GetParetoFrontAsync(id, ct);
        return lookup switch
        {
            { SweepFound: false } => ApiProblems.NotFound("sweep", id),
            { Front: { } front } => TypedResults.Ok(front),
            _ => ApiProblems.Conflict("Not a multi-objective sweep", lookup.Refusal!),
        };
    }
}
