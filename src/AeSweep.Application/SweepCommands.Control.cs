using System.Text.Json;
using AeSweep.Application.Contracts;
using AeSweep.Application.Live;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;

namespace AeSweep.Application;

// Sweep control for every host (REST, CLI through REST, dashboard): the request's shape is checked here, the rules
// (state, budget bounds, the search space) by the sweep's coordinator, which owns the sweep; draining by the dispatcher.
public sealed partial class SweepCommands
{
    public Task<ControlResult> PauseAsync(string sweepId, CancellationToken cancellationToken) =>
        OnSweepAsync(sweepId, coordinator => coordinator.PauseAsync(), cancellationToken);

    public Task<ControlResult> ResumeAsync(string sweepId, CancellationToken cancellationToken) =>
        OnSweepAsync(sweepId, coordinator => coordinator.ResumeAsync(), cancellationToken);

    public Task<ControlResult> ChangeBudgetAsync(string sweepId, ChangeBudgetRequest request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Task.FromResult(ControlResult.Invalid(sweepId, [new FieldErrorView("budget", null, "required: {max_trials, max_parallel, max_minutes}")]));
        }

        var fixedAtSubmission = new List<FieldErrorView>();
        if (request.MaxTrialMinutes is not null)
        {
            fixedAtSubmission.Add(new FieldErrorView("budget.max_trial_minutes", null, FixedMessage));
        }

        if (request.MaxFailedTrials is not null)
        {
            fixedAtSubmission.Add(new FieldErrorView("budget.max_failed_trials", null, FixedMessage));
        }

        return fixedAtSubmission.Count > 0
            ? Task.FromResult(ControlResult.Invalid(sweepId, fixedAtSubmission))
            : OnSweepAsync(sweepId, coordinator => coordinator.ChangeBudgetAsync(request.MaxTrials, request.MaxParallel, request.MaxMinutes), cancellationToken);
    }

    private const string FixedMessage = "fixed when the sweep was submitted; only max_trials, max_parallel and max_minutes change while it runs";

    public Task<ControlResult> EnqueueTrialAsync(string sweepId, EnqueueTrialRequest request, CancellationToken cancellationToken)
    {
        if (request?.Parameters is null)
        {
            return Task.FromResult(ControlResult.Invalid(sweepId, [new FieldErrorView("parameters", null, "required: {name: value, ...}")]));
        }

        var (given, errors) = ReadParameters(request.Parameters);
        return errors.Count > 0
            ? Task.FromResult(ControlResult.Invalid(sweepId, errors))
            : OnSweepAsync(sweepId, coordinator => coordinator.EnqueueAsync([given]), cancellationToken);
    }

    public async Task<ControlResult> RetryTrialAsync(string trialId, CancellationToken cancellationToken)
    {
        var trial = await reads.GetTrialAsync(trialId, cancellationToken);
        if (trial is null)
        {
            return new ControlResult(trialId, ControlOutcome.NotFound, $"There is no trial '{trialId}'.");
        }

        var result = await OnSweepAsync(trial.SweepId, coordinator => coordinator.RetryAsync(trialId), cancellationToken);
        return result with { Id = result.Outcome == ControlOutcome.Applied ? result.Id : trialId };
    }

    public async Task<ControlResult> DrainWorkerAsync(string workerId, DrainWorkerRequest request, CancellationToken cancellationToken)
    {
        if (!await grains.GetGrain<ITrialDispatcherGrain>(0).SetDrainingAsync(workerId, draining: true))
        {
            return new ControlResult(workerId, ControlOutcome.NotFound, $"There is no worker '{workerId}'.");
        }

        changes.Publish(SweepUpdate.OfWorker(workerId));
        return new ControlResult(workerId, ControlOutcome.Applied,
            $"Worker '{workerId}' is draining: it finishes its running trials and takes no new ones until undrained{(request?.Reason is { Length: > 0 } reason ? $" ({reason})" : string.Empty)}.");
    }

    public async Task<ControlResult> UndrainWorkerAsync(string workerId, CancellationToken cancellationToken)
    {
        if (!await grains.GetGrain<ITrialDispatcherGrain>(0).SetDrainingAsync(workerId, draining: false))
        {
            return new ControlResult(workerId, ControlOutcome.NotFound, $"There is no worker '{workerId}'.");
        }

        changes.Publish(SweepUpdate.OfWorker(workerId));
        return new ControlResult(workerId, ControlOutcome.Applied, $"Worker '{workerId}' takes trials again.");
    }

    /// <summary>Asks the sweep's coordinator (after checking the sweep exists, so no grain activates for nothing) and publishes the change.</summary>
    private async Task<ControlResult> OnSweepAsync(string sweepId, Func<ISweepCoordinatorGrain, Task<ControlReply>> command, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is null)
        {
            return new ControlResult(sweepId, ControlOutcome.NotFound, $"There is no sweep '{sweepId}'.");
        }

        var reply = await command(grains.GetGrain<ISweepCoordinatorGrain>(sweepId));
        switch (reply.Outcome)
        {
            case ControlReplyOutcome.Applied:
                changes.Publish(SweepUpdate.OfSweep(sweepId));
                foreach (var trialId in reply.TrialIds)
                {
                    changes.Publish(SweepUpdate.OfTrial(sweepId, trialId));
                }

                return new ControlResult(reply.TrialIds.Count > 0 ? reply.TrialIds[0] : sweepId, ControlOutcome.Applied, reply.Detail) { TrialId = reply.TrialIds.FirstOrDefault() };
            case ControlReplyOutcome.Invalid:
                return ControlResult.Invalid(sweepId, [.. reply.Errors.Select(e => new FieldErrorView(e.Path, null, e.Message))]);
            case ControlReplyOutcome.NotFound:
                return new ControlResult(sweepId, ControlOutcome.NotFound, reply.Detail);
            default:
                return new ControlResult(sweepId, ControlOutcome.Conflict, reply.Detail);
        }
    }

    /// <summary>JSON values as parameter values of their own kind (a number without '.' or exponent is an integer); others are field errors.</summary>
    private static (Dictionary<string, ParameterValue> Given, List<FieldErrorView> Errors) ReadParameters(IReadOnlyDictionary<string, JsonElement> parameters)
    {
        var given = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var errors = new List<FieldErrorView>();
        foreach (var (name, element) in parameters)
        {
            ParameterValue? value = element.ValueKind switch
            {
                JsonValueKind.String => ParameterValue.Of(element.GetString()!),
                JsonValueKind.True => ParameterValue.Of(true),
                JsonValueKind.False => ParameterValue.Of(false),
                JsonValueKind.Number when element.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && element.TryGetInt64(out var integer) => ParameterValue.Of(integer),
                JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number) => ParameterValue.Of(number),
                _ => null,
            };
            if (value is { } v)
            {
                given[name] = v;
            }
            else
            {
                errors.Add(new FieldErrorView($"parameters.{name}", null, $"must be a number, string or boolean, not {element.ValueKind.ToString().ToLowerInvariant()}"));
            }
        }

        return (given, errors);
    }
}
