using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using AeSweep.Storage.WarmStart;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AeSweep.Cluster;

/// <summary>
/// One sweep's adapter between the engine and the store: it loads the sweep and its <see cref="Study"/>, asks the
/// sweep's <see cref="SweepPolicy"/> what to do (how many trials to suggest, whether an ask is allowed, whether the
/// sweep ends and why, how a trial's end is judged), writes the answers to the store and forwards them. The store
/// is the source of truth, trial numbers included: activation rebuilds everything from it. Not reentrant: every
/// call reads and writes the study. Ask-and-tell lives in SweepCoordinatorGrain.AskTell.cs.
/// </summary>
public sealed partial class SweepCoordinatorGrain(
    ISweepRepository sweeps,
    ITrialQueue queue,
    ITrialResultStore results,
    ISweepControlStore control,
    IOptions<SchedulingOptions> scheduling,
    TimeProvider time,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain
{
    private SweepSnapshot _sweep = null!;
    private SweepPolicy _policy = null!;
    private Study _study = null!;
    private Dictionary<string, int> _numberByTrialId = [];
    private bool _finished;
    private bool _exhausted;
    private FailureStreak _failures = new();
    private SweepEventBuffer _events = null!;

    private string SweepId => this.GetPrimaryKeyString();

    private SweepProgress Progress => SweepProgress.Of(_study.Trials.Select(t => t.State), _exhausted, _sweep.StartedAt, _finished) with
    {
        TargetReached = _metric.Target is not null && _study.Trials.Any(t => t.State == TrialState.Completed && t.Value is { } v && _metric.Reaches(v)),
    };

    // The ranking metric as the definition gives it (its target, W&B's metric.target, ends the sweep).
    private Core.Definitions.MetricSpec _metric = Core.Definitions.MetricSpec.Default;

    // The sweep's constraints: enqueued configurations must keep them as sampled ones do.
    private Core.Search.Constraints.SweepConstraints _constraints = Core.Search.Constraints.SweepConstraints.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var trials = await LoadFromStoreAsync(cancellationToken);
        _events = new SweepEventBuffer(this, GrainFactory, time);
        if (_policy.HasDeadline && !_finished)
        {
            this.RegisterGrainTimer(CheckDeadlineAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { Interleave = false });
        }

        logger.LogInformation("Sweep {SweepId} ({SweepName}) activated with {TrialCount} stored trial(s), state {SweepState}",
            SweepId, _sweep.Name, trials, _sweep.State);
    }

    /// <summary>Rebuilds the sweep, its policy, its study and its failure streak from the store; returns the stored trial count.</summary>
    private async Task<int> LoadFromStoreAsync(CancellationToken cancellationToken)
    {
        var history = await sweeps.GetSweepHistoryAsync(SweepId, cancellationToken)
            ?? throw new InvalidOperationException($"No sweep {SweepId} in the store");
        _sweep = history.Sweep;
        var definition = SweepStudyFactory.ParseStoredDefinition(_sweep);
        _policy = SweepPolicy.For(definition, _sweep.MetricName, time);
        _metric = definition.Metric;
        var warmStart = await WarmStartLoader.LoadAsync(sweeps, definition, cancellationToken);
        LogWarmStart(warmStart);
        _study = SweepStudyFactory.Create(definition, history, out _numberByTrialId, warmStart);
        _finished = _sweep.State is SweepState.Completed or SweepState.Cancelled or SweepState.Failed;
        _exhausted = false;
        _failures = SweepStudyFactory.FailureStreakOf(history);
        _finalize = definition.Finalize;
        _constraints = definition.Constraints;
        _finalistRuns = FinalistRunsOf(history);
        _held = HeldTrialsOf(history);
        return history.Trials.Count;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _events.Flush();
        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        if (_finished)
        {
            return;
        }

        if (_sweep.State == SweepState.Pending)
        {
            var change = await sweeps.StartSweepAsync(SweepId, CancellationToken.None);
            _sweep = change.Sweep ?? _sweep;
            if (change.Applied)
            {
                _events.SweepChanged(SweepId, SweepEventKind.SweepStarted, SweepEventBuffer.StateName(_sweep.State));
                await EnqueueFromFileAsync();
            }
        }

        await FillAsync();
    }

    public async Task<TrialDecision> ReportEpochAsync(TrialLeaseToken lease, int epoch, Dictionary<string, double> metrics)
    {
        if (_finished)
        {
            return TrialDecision.Stop;
        }

        var change = await results.RecordEpochMetricsAsync(ToStore(lease), epoch, metrics, CancellationToken.None);
        if (!change.Applied)
        {
            return TrialDecision.Stop;
        }

        _events.TrialChanged(SweepId, lease.TrialId, SweepEventKind.TrialEpoch, TrialState.Running, epoch);

        if (!metrics.TryGetValue(_policy.MetricName, out var value) || !_numberByTrialId.TryGetValue(lease.TrialId, out var number))
        {
            return TrialDecision.Continue;
        }

        if (_study.GetTrial(number).State != TrialState.Running)
        {
            return TrialDecision.Stop;
        }

        return _study.Report(number, epoch, value);
    }

    public async Task RecordCheckpointAsync(TrialLeaseToken lease, int epoch, string path) =>
        await results.RecordCheckpointAsync(ToStore(lease), epoch, path, CancellationToken.None);

    public async Task CompleteTrialAsync(TrialCompletion completion) => await FinishTrialAsync(completion);

    public async Task TrialFailedOnLostWorkerAsync(string trialId)
    {
        var trial = await queue.GetTrialAsync(trialId, CancellationToken.None);
        if (trial is not { State: TrialState.Failed } || trial.SweepId != SweepId)
        {
            return;
        }

        LearnOutcome(trial.Id, trial.State, null, trial.Reason);
        await FillAsync();
    }

    /// <summary>Records a trial's end (worker report or tell) as the policy judges it, teaches the study, and suggests the next trials.</summary>
    private async Task<TrialChange> FinishTrialAsync(TrialCompletion completion)
    {
        var parameters = _numberByTrialId.TryGetValue(completion.Lease.TrialId, out var trialNumber) ? _study.GetTrial(trialNumber).Parameters : null;
        var outcome = _policy.Judge(completion.State, completion.Metrics, completion.Reason, completion.EpochsRun, parameters);
        var (state, reason) = (outcome.State, outcome.Reason);
        var finish = new TrialFinish(
            completion.Lease.TrialId,
            state,
            reason,
            outcome.Metrics,
            ReportedArtifacts.Bound(completion.Artifacts, completion.Lease.TrialId, logger),
            ToStore(completion.Lease));
        TrialChange change;
        try
        {
            change = await queue.FinishTrialAsync(finish, CancellationToken.None);
        }
        catch (ArgumentException ex)
        {
            // A report the store refuses must not bounce the trial between workers forever: record it as failed.
            logger.LogError(ex, "Trial {TrialId}: outcome refused by the store", completion.Lease.TrialId);
            state = TrialState.Failed;
            reason = $"its outcome could not be recorded: {ex.Message}";
            change = await queue.FinishTrialAsync(new TrialFinish(completion.Lease.TrialId, state, reason, Lease: ToStore(completion.Lease)), CancellationToken.None);
        }

        if (!change.Applied)
        {
            logger.LogInformation("Trial {TrialId}: outcome {TrialState} not recorded ({Outcome})", completion.Lease.TrialId, state, change.Outcome);
            return change;
        }

        _events.TrialChanged(SweepId, completion.Lease.TrialId, SweepEventKind.TrialFinished, change.Trial?.State ?? state);
        LearnOutcome(completion.Lease.TrialId, state, state == TrialState.Completed ? outcome.Objective : null, reason, outcome.ObjectiveValues);
        await FillAsync();
        return change;
    }

    /// <summary>Tells the study a trial's end (once) and counts it towards budget.max_failed_trials.</summary>
    private void LearnOutcome(string trialId, TrialState state, double? value, string? reason, IReadOnlyList<double>? objectiveValues = null)
    {
        if (_numberByTrialId.TryGetValue(trialId, out var number) && _study.GetTrial(number).State == TrialState.Running)
        {
            _study.Tell(number, state, value, reason, objectiveValues);
            _failures.Record(state, reason);
        }

        NoteFinalistState(trialId, state);
    }

    public async Task CancelAsync(string reason)
    {
        if (_finished)
        {
            return;
        }

        await sweeps.FinishSweepAsync(SweepId, SweepState.Cancelled, reason, CancellationToken.None);
        _finished = true;
        _events.SweepChanged(SweepId, SweepEventKind.SweepCancelled, SweepEventBuffer.StateName(SweepState.Cancelled));
        logger.LogInformation("Sweep {SweepId} cancelled: {Reason}", SweepId, reason);
    }

    /// <summary>Ends the sweep if the policy says so; otherwise suggests the trials it allows, then asks again.</summary>
    private async Task FillAsync()
    {
        if (await EndIfDueAsync(_policy.EndNow(Progress, _failures)) || Paused)
        {
            return;
        }

        // Queued configurations (enqueue:, enqueued, retries) take the free max_parallel places before the sampler does.
        await ReleaseHeldTrialsAsync();
        var added = await AddSuggestedTrialsAsync(_policy.TrialsToSuggest(Progress));
        if (added < 0)
        {
            // Another writer numbered trials of this sweep: the study was rebuilt from the store; suggest again from there.
            added = await AddSuggestedTrialsAsync(_policy.TrialsToSuggest(Progress));
        }

        if (added > 0)
        {
            await GrainFactory.GetGrain<ITrialDispatcherGrain>(0).NotifyWorkAvailableAsync();
        }

        await EndIfDueAsync(_policy.EndNow(Progress, _failures));
    }

    /// <summary>
    /// Samples up to <paramref name="wanted"/> trials under the numbers the store gives next and stores them pending in
    /// one call that must get exactly those numbers (<see cref="ITrialQueue.AddTrialsAtAsync"/>): the store owns the
    /// numbers and refuses, storing nothing, when another writer took them. Then the study — which holds the refused
    /// suggestions — is rebuilt from the store and -1 is returned. Otherwise returns how many trials were stored.
    /// </summary>
    private async Task<int> AddSuggestedTrialsAsync(int wanted)
    {
        if (Finalizing)
        {
            return 0;
        }

        var first = NextStoredNumber();
        var suggestions = new List<TrialSuggestion>(Math.Max(wanted, 0));
        while (suggestions.Count < wanted && !_exhausted)
        {
            if (_study.TryAsk(first + suggestions.Count, out var suggestion))
            {
                suggestions.Add(suggestion);
            }
            else
            {
                _exhausted = true;
            }
        }

        if (suggestions.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<TrialSnapshot> stored;
        try
        {
            stored = await queue.AddTrialsAtAsync(SweepId, first, [.. suggestions.Select(s => s.Parameters)], CancellationToken.None);
        }
        catch (TrialNumberTakenException ex)
        {
            logger.LogError(ex, "Sweep {SweepId}: trial number {Number} was taken by another writer; rebuilding the study from the store", SweepId, first);
            await LoadFromStoreAsync(CancellationToken.None);
            return -1;
        }

        foreach (var trial in stored)
        {
            _numberByTrialId[trial.Id] = trial.Number;
            _events.TrialChanged(SweepId, trial.Id, SweepEventKind.TrialAdded, trial.State);
        }

        return stored.Count;
    }

    /// <summary>
    /// Samples one trial under the number the store gives it, stores it with <paramref name="add"/>, and returns the
    /// stored trial; null when the search space is exhausted. The study never numbers on its own: the number is the
    /// store's next one, and if the store assigned another (a second writer), this activation stops adding and is
    /// rebuilt from the store.
    /// </summary>
    private async Task<TrialSnapshot?> AddTrialAsync(Func<IReadOnlyDictionary<string, Core.Search.ParameterValue>, Task<TrialSnapshot>> add)
    {
        var number = NextStoredNumber();
        if (_exhausted || !_study.TryAsk(number, out var suggestion))
        {
            _exhausted = true;
            return null;
        }

        var trial = await add(suggestion.Parameters);
        _numberByTrialId[trial.Id] = suggestion.Number;
        _events.TrialChanged(SweepId, trial.Id, SweepEventKind.TrialAdded, trial.State);
        if (trial.Number != suggestion.Number)
        {
            logger.LogError("Sweep {SweepId}: trial {TrialId} stored as number {StoredNumber}, sampled as {SampledNumber}; rebuilding from the store",
                SweepId, trial.Id, trial.Number, suggestion.Number);
            DeactivateOnIdle();
            _exhausted = true;
        }

        return trial;
    }

    /// <summary>
    /// The number the store gives the sweep's next trial: its last stored number plus one (the study holds exactly the
    /// stored trials, rebuilt from the store and extended with the numbers the store returned).
    /// </summary>
    private int NextStoredNumber()
    {
        var trials = _study.Trials;
        return trials.IsEmpty ? 0 : trials[^1].Number + 1;
    }

    private async Task<bool> EndIfDueAsync(SweepEnd? end)
    {
        if (end is null)
        {
            return _finished;
        }

        if (await FinalizeBeforeEndAsync(end))
        {
            return false;
        }

        // Running trials are cancelled with the reason; finished ones keep their results.
        var state = end.State == SweepEndState.Failed ? SweepState.Failed : SweepState.Completed;
        await sweeps.FinishSweepAsync(SweepId, state, end.Reason, CancellationToken.None);
        _finished = true;
        _events.SweepChanged(SweepId, SweepEventKind.SweepFinished, SweepEventBuffer.StateName(state));
        if (state == SweepState.Failed)
        {
            logger.LogWarning("Sweep {SweepId} failed: {Reason}", SweepId, end.Reason);
        }
        else
        {
            logger.LogInformation("Sweep {SweepId} completed: {Reason}", SweepId, end.Reason);
        }

        return true;
    }

    private async Task CheckDeadlineAsync(CancellationToken cancellationToken) => await EndIfDueAsync(_policy.EndAtDeadline(Progress));

    private static TrialLease ToStore(TrialLeaseToken lease) => new(lease.TrialId, lease.WorkerId, lease.Attempt);
}
