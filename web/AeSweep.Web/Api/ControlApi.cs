using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>
/// Sweep control (DESIGN.md, issue 15): pause and resume a sweep, change its budget, enqueue a configuration, retry a
/// failed or cancelled trial, drain and undrain a worker. The same rules as the CLI and the dashboard buttons: every
/// route goes through <see cref="ISweepCommands"/>. 404 for an unknown id, 409 (with the reason) for a state that
/// refuses the command, 400 naming each wrong field.
/// </summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder api)
    {
        var sweeps = api.MapGroup("/sweeps").WithTags("sweep control");
        sweeps.MapPost("/{id}/pause", PauseAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Pause a running sweep (state paused): no new trial is suggested or leased; running trials finish. 409 unless running.");
        sweeps.MapPost("/{id}/resume", ResumeAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Resume a paused sweep: trials are suggested and leased again at once. 409 unless paused.");
        sweeps.MapPatch("/{id}", ChangeAsync)
            .Accepts<SweepPatchRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Change an unfinished sweep's budget: {\"budget\": {max_trials, max_parallel, max_minutes}} (omitted fields keep their limit), "
                + "checked with the sweep file's bounds; max_trials below the trials already created is a 400 that says so. Applied at once. 409 for a finished sweep.");
        sweeps.MapPost("/{id}/trials", EnqueueAsync)
            .Accepts<EnqueueTrialRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enqueue a configuration {\"parameters\": {...}}: checked against the sweep's space (400 with parameters.NAME paths), "
                + "it runs before sampled trials and the sampler sees it like any trial. 201 {trial_id}; 409 when finished, ask-and-tell, or budget.max_trials is reached.");
        api.MapPost("/trials/{id}/retry", RetryAsync)
            .WithTags("sweep control")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Run a failed or cancelled trial again as a new trial (new number, same parameters, retry_of = the original). 201 {trial_id}; "
                + "409 for a trial in another state, or when its sweep has finished or its budget.max_trials is reached.");
        api.MapPost("/workers/{id}/drain", DrainAsync)
            .WithTags("sweep control")
            .Accepts<DrainWorkerRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Drain a worker: it finishes its running trials and leases nothing new until undrained (draining: true in /api/workers). Optional body {reason}.");
        api.MapDelete("/workers/{id}/drain", UndrainAsync)
            .WithTags("sweep control")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Undrain a worker: it leases trials again at once.");
        return api;
    }

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> PauseAsync(string id, ISweepCommands commands, CancellationToken ct) =>
        Answer(await commands.PauseAsync(id, ct), "sweep", "Sweep cannot be paused");

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> ResumeAsync(string id, ISweepCommands commands, CancellationToken ct) =>
        Answer(await commands.ResumeAsync(id, ct), "sweep", "Sweep cannot be resumed");

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> ChangeAsync(string id, HttpRequest request, ISweepCommands commands, CancellationToken ct)
    {
        var (patch, problem) = await ControlBodyReader.ReadAsync<SweepPatchRequest>(request, empty: null, ct);
        if (patch is null)
        {
            return problem!;
        }

        if (patch.Budget is null)
        {
            return ApiProblems.BadRequest("budget", "required: {max_trials, max_parallel, max_minutes} (what to change)");
        }

        return Answer(await commands.ChangeBudgetAsync(id, patch.Budget, ct), "sweep", "Budget cannot change");
    }

    private static async Task<Results<Created<QueuedTrialView>, ProblemHttpResult>> EnqueueAsync(string id, HttpRequest request, ISweepCommands commands, CancellationToken ct)
    {
        var (body, problem) = await ControlBodyReader.ReadAsync<EnqueueTrialRequest>(request, empty: null, ct);
        if (body is null)
        {
            return problem!;
        }

        return Queued(await commands.EnqueueTrialAsync(id, body, ct), id, "sweep", "enqueued", null, "Configuration not enqueued");
    }

    private static async Task<Results<Created<QueuedTrialView>, ProblemHttpResult>> RetryAsync(string id, ISweepCommands commands, ISweepQueries queries, CancellationToken ct)
    {
        var result = await commands.RetryTrialAsync(id, ct);
        var sweepId = result.TrialId is { } retried && await queries.GetTrialAsync(retried, ct) is { } detail ? detail.Trial.SweepId : string.Empty;
        return Queued(result, sweepId, "trial", "retry", id, "Trial cannot be retried");
    }

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> DrainAsync(string id, HttpRequest request, ISweepCommands commands, CancellationToken ct)
    {
        var (body, problem) = await ControlBodyReader.ReadAsync(request, new DrainWorkerRequest(), ct);
        if (body is null)
        {
            return problem!;
        }

        return Answer(await commands.DrainWorkerAsync(id, body, ct), "worker", "Worker cannot be drained");
    }

    private static async Task<Results<Ok<ControlView>, ProblemHttpResult>> UndrainAsync(string id, ISweepCommands commands, CancellationToken ct) =>
        Answer(await commands.UndrainWorkerAsync(id, ct), "worker", "Worker cannot be undrained");

    private static Results<Ok<ControlView>, ProblemHttpResult> Answer(ControlResult result, string what, string conflictTitle) => result.Outcome switch
    {
        ControlOutcome.Applied => TypedResults.Ok(result.ToView()),
        ControlOutcome.NotFound => ApiProblems.NotFound(what, result.Id),
        ControlOutcome.Invalid => ApiProblems.BadRequest(result.Errors),
        _ => ApiProblems.Conflict(conflictTitle, result.Detail),
    };

    private static Results<Created<QueuedTrialView>, ProblemHttpResult> Queued(ControlResult result, string sweepId, string what, string origin, string? retryOf, string conflictTitle) =>
        result.Outcome switch
        {
            ControlOutcome.Applied => TypedResults.Created($"/api/trials/{result.TrialId}", new QueuedTrialView(result.TrialId!, sweepId, origin, retryOf)),
            ControlOutcome.NotFound => ApiProblems.NotFound(what, result.Id),
            ControlOutcome.Invalid => ApiProblems.BadRequest(result.Errors),
            _ => ApiProblems.Conflict(conflictTitle, result.Detail),
        };
}
