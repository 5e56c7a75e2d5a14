using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>
/// Ask-and-tell for trainers outside AeSweep (a <c>program: {ask_tell: true}</c> sweep): ask for a trial's
/// parameters, train anywhere, tell the metric value. Both go through the sweep's coordinator, so budget and
/// parallelism hold and the sampler learns from every told value.
/// </summary>
public static class AskTellApi
{
    public static IEndpointRouteBuilder MapAskTellApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/sweeps/{id}/ask", AskAsync)
            .WithTags("ask-and-tell")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Ask for the next trial of a program: {ask_tell: true} sweep: 200 {trial_id, number, parameters}; 409 when the budget is spent, max_parallel trials are untold, or the sweep has finished.");
        api.MapPost("/trials/{id}/tell", TellAsync)
            .WithTags("ask-and-tell")
            .Accepts<TellRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tell an asked trial's result: {value, state?: completed|pruned|failed, intermediate_values?: {epoch: value}, reason?}; 409 when it already ended or was not asked.");
        return api;
    }

    private static async Task<Results<Ok<AskedTrialView>, ProblemHttpResult>> AskAsync(string id, ISweepCommands commands, CancellationToken ct)
    {
        var result = await commands.AskAsync(id, ct);
        return result.Outcome switch
        {
            AskTrialOutcome.Asked => TypedResults.Ok(result.Trial!),
            AskTrialOutcome.NotFound => ApiProblems.NotFound("sweep", id),
            _ => ApiProblems.Conflict("No trial to hand out", $"Sweep '{id}': {result.Refusal}."),
        };
    }

    // The body is read here rather than bound by the framework so that a wrong field gets a 400 naming it.
    private static async Task<Results<Ok<ToldTrialView>, ProblemHttpResult>> TellAsync(string id, HttpRequest request, ISweepCommands commands, CancellationToken ct)
    {
        var (tell, unreadable) = await TellBodyReader.ReadAsync(request, ct);
        if (tell is null)
        {
            return unreadable!;
        }

        var result = await commands.TellAsync(id, tell, ct);
        return result.Outcome switch
        {
            TellTrialOutcome.Recorded => TypedResults.Ok(result.Told!),
            TellTrialOutcome.Invalid => ApiProblems.BadRequest(result.Error!),
            TellTrialOutcome.NotFound => ApiProblems.NotFound("trial", id),
            TellTrialOutcome.NotAsked => ApiProblems.Conflict("Trial was not asked", result.Detail ?? string.Empty),
            _ => ApiProblems.Conflict("Trial already finished", result.Detail ?? string.Empty),
        };
    }
}
