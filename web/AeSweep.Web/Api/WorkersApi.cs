using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>Workers: <c>/api/workers</c>.</summary>
public static class WorkersApi
{
    public static IEndpointRouteBuilder MapWorkersApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/workers", ListAsync)
            .WithTags("workers")
            .WithSummary("The workers that registered: host, devices, slots, online or offline, last heartbeat.");
        return api;
    }

    private static async Task<Ok<WorkerListView>> ListAsync(ISweepQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListWorkersAsync(ct));
}
