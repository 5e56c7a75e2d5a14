using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cluster;

/// <summary>
/// Sweep control: pause and resume, budget changes, enqueued configurations (the file's <c>enqueue:</c> and the API's)
/// and retries. Every fact lives in the store (the sweep's state, its budget columns and document, held trials), so a
/// restarted coordinator carries on. Queued trials are stored at once (they get their number and id) but held: they
/// wait for a budget.max_parallel place and take it before the sampler suggests anything.
/// </summary>
public sealed partial class SweepCoordinatorGrain
{
    // Queued trials not yet released to workers (they count as in flight for the sampler, not for max_parallel).
    private HashSet<string> _held = new(StringComparer.Ordinal);

    private bool Paused => _sweep.State == SweepState.Paused;

    private static HashSet<string> HeldTrialsOf(SweepHistory history) =>
        new(history.Trials.Where(t => t.Held && t.State == TrialState.Pending).Select(t => t.Id), StringComparer.Ordinal);

    public async Task<ControlReply> PauseAsync()
    {
        if (_finished)
        {
            return ControlReply.Conflict($"sweep {SweepId} is {SweepEventBuffer.StateName(_sweep.State)}; a finished sweep cannot be paused");
        }

        var change = await control.PauseSweepAsync(SweepId, CancellationToken.None);
        _sweep = change.Sweep ?? _sweep;
        if (!change.Applied)
        {
            return ControlReply.Conflict($"sweep {SweepId} is {SweepEventBuffer.StateName(_sweep.State)}; only a running sweep can be paused");
        }

        _events.SweepChanged(SweepId, SweepEventKind.SweepControlled, SweepEventBuffer.StateName(_sweep.State));
        logger.LogInformation("Sweep {SweepId} paused: running trials finish, nothing new starts", SweepId);
        return ControlReply.Applied($"sweep {SweepId} is paused: its running trials finish and no new trial starts until it is resumed");
    }

    public async Task<ControlReply> ResumeAsync()
    {
        var change = await control.ResumeSweepAsync(SweepId, CancellationToken.None);
        _sweep = change.Sweep ?? _sweep;
        if (!change.Applied)
        {
            return ControlReply.Conflict($"sweep {SweepId} is {SweepEventBuffer.StateName(_sweep.State)}; only a paused sweep can be resumed");
        }

        _events.SweepChanged(SweepId, SweepEventKind.SweepControlled, SweepEventBuffer.StateName(_sweep.State));
        logger.LogInformation("Sweep {SweepId} resumed", SweepId);
        await FillAsync();
        // Pending trials left over from before the pause may be leased again.
        await GrainFactory.GetGrain<ITrialDispatcherGrain>(0).NotifyWorkAvailableAsync();
        return ControlReply.Applied($"sweep {SweepId} is running again");
    }

    public async Task<ControlReply> ChangeBudgetAsync(int? maxTrials, int? maxParallel, double? maxMinutes)
    {
        if (_finished)
        {
            return ControlReply.Conflict($"sweep {SweepId} is {SweepEventBuffer.StateName(_sweep.State)}; a finished sweep's budget cannot change (submit a new sweep)");
        }

        var (budget, errors) = new BudgetChange(maxTrials, maxParallel, maxMinutes).ApplyTo(_policy.Budget, Progress.Trials);
        if (budget is null)
        {
            return ControlReply.Invalid([.. errors.Select(e => new ControlFieldError(e.Path, e.Message))]);
        }

        // The stored document and the budget columns change together: one write, one owner of the fact.
        var definition = SweepStudyFactory.ParseStoredDefinition(_sweep) with { Budget = budget };
        var change = await control.ChangeBudgetAsync(SweepId, budget.MaxTrials, budget.MaxParallel, budget.MaxMinutes, StoredSweepDocument.Write(definition), CancellationToken.None);
        if (!change.Applied)
        {
            return ControlReply.Conflict($"sweep {SweepId}: budget not changed ({change.Outcome})");
        }

        _sweep = change.Sweep ?? _sweep;
        var hadDeadline = _policy.HasDeadline;
        _policy = SweepPolicy.For(definition, _sweep.MetricName, time);
        if (!hadDeadline && _policy.HasDeadline)
        {
            this.RegisterGrainTimer(CheckDeadlineAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { Interleave = false });
        }

        _events.SweepChanged(SweepId, SweepEventKind.SweepControlled, SweepEventBuffer.StateName(_sweep.State));
        logger.LogInformation("Sweep {SweepId}: budget now max_trials {MaxTrials}, max_parallel {MaxParallel}, max_minutes {MaxMinutes}",
            SweepId, budget.MaxTrials, budget.MaxParallel, budget.MaxMinutes);
        await FillAsync();
        return ControlReply.Applied($"sweep {SweepId}: budget is now max_trials {budget.MaxTrials?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, "
            + $"max_parallel {budget.MaxParallel}, max_minutes {budget.MaxMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
    }

    public async Task<ControlReply> EnqueueAsync(List<Dictionary<string, ParameterValue>> configurations)
    {
        if (QueueRefusal(configurations.Count) is { } refusal)
        {
            return ControlReply.Conflict(refusal);
        }

        var resolved = new List<IReadOnlyDictionary<string, ParameterValue>>(configurations.Count);
        var errors = new List<ControlFieldError>();
        foreach (var (given, i) in configurations.Select((c, i) => (c, i)))
        {
            var (configuration, problems) = ConfigurationCheck.Resolve(_study.Space, given, configurations.Count == 1 ? "parameters" : $"configurations[{i}]", constraints: _constraints);
            errors.AddRange(problems.Select(p => new ControlFieldError(p.Path, p.Message)));
            if (configuration is not null)
            {
                resolved.Add(configuration);
            }
        }

        if (errors.Count > 0)
        {
            return ControlReply.Invalid(errors);
        }

        var ids = await QueueAsync(resolved, TrialOrigin.Enqueued, retryOf: null);
        return ControlReply.Applied($"sweep {SweepId}: {ids.Count} configuration(s) queued before the sampler's", ids);
    }

    public async Task<ControlReply> RetryAsync(string trialId)
    {
        var original = await queue.GetTrialAsync(trialId, CancellationToken.None);
        if (original is null || original.SweepId != SweepId)
        {
            return ControlReply.NotFound($"sweep {SweepId} has no trial {trialId}");
        }

        if (original.State is not (TrialState.Failed or TrialState.Cancelled))
        {
            return ControlReply.Conflict($"trial {trialId} is {SweepEventBuffer.StateName(original.State)}; only a failed or cancelled trial can be retried");
        }

        if (original.IsFinalistRun)
        {
            return ControlReply.Conflict($"trial {trialId} is a finalist run (finalize:); retry the search trial it retrains instead");
        }

        if (QueueRefusal(1) is { } refusal)
        {
            return ControlReply.Conflict(refusal);
        }

        var ids = await QueueAsync([original.Parameters], TrialOrigin.Retry, trialId);
        return ControlReply.Applied($"trial {trialId} runs again as trial {ids[0]}", ids);
    }

    /// <summary>Why <paramref name="count"/> more trials may not be queued now, or null when they may.</summary>
    private string? QueueRefusal(int count)
    {
        if (_finished)
        {
            return $"sweep {SweepId} is {SweepEventBuffer.StateName(_sweep.State)}; a finished sweep takes no new trials (submit a new sweep, or enqueue there)";
        }

        if (_policy.AskTell)
        {
            return "this is an ask-and-tell sweep: only the outside trainer's asks create trials";
        }

        if (Finalizing)
        {
            return "the sweep is retraining its finalists (finalize:); the search takes no new trials";
        }

        if (_policy.Budget.MaxTrials is { } max && Progress.Trials + count > max)
        {
            return $"budget.max_trials is {max} and the sweep already has {Progress.Trials} trial(s); raise it first (PATCH /api/sweeps/{SweepId}, aesweep budget)";
        }

        return null;
    }

    /// <summary>Stores the configurations as held trials under the next numbers, tells the study, then fills the free places.</summary>
    private async Task<List<string>> QueueAsync(IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> configurations, TrialOrigin origin, string? retryOf)
    {
        IReadOnlyList<TrialSnapshot> stored;
        try
        {
            stored = await control.AddQueuedTrialsAtAsync(SweepId, NextStoredNumber(), configurations, origin, retryOf, CancellationToken.None);
        }
        catch (TrialNumberTakenException ex)
        {
            logger.LogError(ex, "Sweep {SweepId}: a trial number was taken by another writer; rebuilding the study from the store", SweepId);
            await LoadFromStoreAsync(CancellationToken.None);
            stored = await control.AddQueuedTrialsAtAsync(SweepId, NextStoredNumber(), configurations, origin, retryOf, CancellationToken.None);
        }

        foreach (var trial in stored)
        {
            _study.AddFixed(trial.Number, trial.Parameters);
            _numberByTrialId[trial.Id] = trial.Number;
            _held.Add(trial.Id);
            _events.TrialChanged(SweepId, trial.Id, SweepEventKind.TrialAdded, trial.State);
        }

        logger.LogInformation("Sweep {SweepId}: {Count} {Origin} trial(s) queued ({TrialIds})", SweepId, stored.Count, origin, string.Join(", ", stored.Select(t => t.Id)));
        await FillAsync();
        return [.. stored.Select(t => t.Id)];
    }

    /// <summary>The sweep file's <c>enqueue:</c>, queued once when the sweep starts (before any sampled trial exists).</summary>
    private async Task EnqueueFromFileAsync()
    {
        var enqueue = SweepStudyFactory.ParseStoredDefinition(_sweep).Enqueue;
        if (enqueue.Count == 0 || !_study.Trials.IsEmpty)
        {
            return;
        }

        var room = _policy.Budget.MaxTrials is { } max ? Math.Min(max, enqueue.Count) : enqueue.Count;
        await QueueAsync([.. enqueue.Take(room)], TrialOrigin.Enqueued, retryOf: null);
    }

    /// <summary>Releases held trials into the free budget.max_parallel places (none while paused).</summary>
    private async Task ReleaseHeldTrialsAsync()
    {
        if (_held.Count == 0 || Paused)
        {
            return;
        }

        var room = _policy.Budget.MaxParallel - (Progress.InFlight - _held.Count);
        if (room < 1)
        {
            return;
        }

        var released = await control.ReleaseHeldTrialsAsync(SweepId, room, CancellationToken.None);
        _held.ExceptWith(released);
        if (released.Count > 0)
        {
            await GrainFactory.GetGrain<ITrialDispatcherGrain>(0).NotifyWorkAvailableAsync();
        }
    }
}
