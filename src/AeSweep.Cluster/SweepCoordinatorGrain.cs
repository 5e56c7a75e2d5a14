using System.Globalization;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AeSweep.Cluster;

/// <summary>
/// One sweep's brain: asks its <see cref="Study"/> for configurations while parallelism and budget allow, feeds
/// epoch values to the pruner, records outcomes, and finishes the sweep when nothing is left. The store is the
/// source of truth: activation rebuilds everything from it. Not reentrant: every call reads and writes the study.
/// </summary>
public sealed class SweepCoordinatorGrain(
    ISweepRepository sweeps,
    ITrialQueue queue,
    ITrialResultStore results,
    IOptions<SchedulingOptions> scheduling,
    TimeProvider time,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain
{
    private SweepDefinition _definition = null!;
    private SweepSnapshot _sweep = null!;
    private Study _study = null!;
    private Dictionary<string, int> _numberByTrialId = [];
    private bool _finished;
    private bool _exhausted;
    private FailureStreak _failures = new();

    private string SweepId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var history = await sweeps.GetSweepHistoryAsync(SweepId, cancellationToken)
            ?? throw new InvalidOperationException($"No sweep {SweepId} in the store");
        _sweep = history.Sweep;
        _definition = SweepStudyFactory.ParseStoredDefinition(_sweep);
        _study = SweepStudyFactory.Create(_definition, history, out _numberByTrialId);
        _finished = _sweep.State is SweepState.Completed or SweepState.Cancelled or SweepState.Failed;
        _failures = FailureStreak.FromHistory(history.Trials);
        if (_definition.Budget.MaxMinutes is not null && !_finished)
        {
            this.RegisterGrainTimer(CheckDeadlineAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { Interleave = false });
        }

        logger.LogInformation("Sweep {SweepId} ({SweepName}) activated with {TrialCount} stored trial(s), state {SweepState}",
            SweepId, _sweep.Name, history.Trials.Count, _sweep.State);
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
        }

        await FillAsync();
    }

    public async Task<EpochVerdict> ReportEpochAsync(TrialLeaseToken lease, int epoch, Dictionary<string, double> metrics)
    {
        if (_finished)
        {
            return EpochVerdict.Stop;
        }

        var change = await results.RecordEpochMetricsAsync(ToStore(lease), epoch, metrics, CancellationToken.None);
        if (!change.Applied)
        {
            return EpochVerdict.Stop;
        }

        if (!metrics.TryGetValue(_sweep.MetricName, out var value) || !_numberByTrialId.TryGetValue(lease.TrialId, out var number))
        {
            return EpochVerdict.Continue;
        }

        if (_study.GetTrial(number).State != TrialState.Running)
        {
            return EpochVerdict.Stop;
        }

        return _study.Report(number, epoch, value) == TrialDecision.Prune ? EpochVerdict.Prune : EpochVerdict.Continue;
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

    public async Task<AskResult> AskAsync()
    {
        if (_definition.Program is not { AskTell: true })
        {
            return AskResult.Refused("this sweep's trials run on workers; only a program: {ask_tell: true} sweep hands out trials through ask");
        }

        if (_finished)
        {
            return AskResult.Refused("the sweep has finished");
        }

        var trials = _study.Trials;
        var inFlight = trials.Count(t => t.State == TrialState.Running);
        if (BudgetSpent(trials.Length))
        {
            return AskResult.Refused(DeadlinePassed() ? "budget.max_minutes reached" : "budget.max_trials reached");
        }

        if (inFlight >= _definition.Budget.MaxParallel)
        {
            return AskResult.Refused($"budget.max_parallel reached: {inFlight} asked trial(s) not told yet");
        }

        if (_exhausted || !_study.TryAsk(out var suggestion))
        {
            _exhausted = true;
            await FillAsync();
            return AskResult.Refused("the search space is exhausted");
        }

        // Stored running on the synthetic worker at once: a pending trial could be claimed by a real worker.
        var trial = await queue.AddRunningTrialAsync(SweepId, suggestion.Parameters, AskedTrial.WorkerId, scheduling.Value.AskedTrialLeaseDuration, CancellationToken.None);
        _numberByTrialId[trial.Id] = suggestion.Number;
        logger.LogInformation("Sweep {SweepId}: trial {TrialId} asked by an outside trainer", SweepId, trial.Id);
        return new AskResult(new AskedTrial(trial.Id, trial.Number, trial.Parameters.ToDictionary(StringComparer.Ordinal)), null);
    }

    public async Task<TellResult> TellAsync(TrialTell tell)
    {
        var trial = await queue.GetTrialAsync(tell.TrialId, CancellationToken.None);
        if (trial is null || trial.SweepId != SweepId)
        {
            return new TellResult(TellOutcome.NotFound, null, $"sweep {SweepId} has no trial {tell.TrialId}");
        }

        if (trial.State.IsFinished())
        {
            return new TellResult(TellOutcome.AlreadyFinished, trial.State, $"trial {trial.Id} is already {trial.State.ToString().ToLowerInvariant()}");
        }

        if (trial.Lease is not { WorkerId: AskedTrial.WorkerId } lease)
        {
            return new TellResult(TellOutcome.NotAsked, trial.State, $"trial {trial.Id} was not asked: a worker runs it and reports its result");
        }

        var token = new TrialLeaseToken(lease.TrialId, lease.WorkerId, lease.Attempt);
        var epochsRun = 0;
        foreach (var (epoch, value) in tell.IntermediateValues.Where(v => double.IsFinite(v.Value)).OrderBy(v => v.Key))
        {
            await ReportEpochAsync(token, epoch, new() { [_sweep.MetricName] = value });
            epochsRun = Math.Max(epochsRun, epoch);
        }

        var state = tell.State;
        var reason = tell.Reason;
        double? told = tell.Value is { } v && double.IsFinite(v) ? v : null;
        if (state == TrialState.Completed && told is null)
        {
            // As Optuna does with NaN: a completed trial without a usable value fails instead.
            state = TrialState.Failed;
            reason = "the trainer told no finite value";
        }

        var metrics = told is { } final ? new Dictionary<string, double> { [_sweep.MetricName] = final } : [];
        var change = await FinishTrialAsync(new TrialCompletion(token, state, metrics, [], reason, epochsRun));
        return change.Applied
            ? new TellResult(TellOutcome.Recorded, change.Trial?.State, change.Trial?.Reason)
            : new TellResult(TellOutcome.AlreadyFinished, change.Trial?.State, $"trial {trial.Id}: result not recorded ({change.Outcome})");
    }

    /// <summary>Records a trial's end (worker report or tell), teaches the study, and suggests the next trials.</summary>
    private async Task<TrialChange> FinishTrialAsync(TrialCompletion completion)
    {
        var state = completion.State;
        var reason = completion.Reason;
        var metrics = completion.Metrics;
        var objective = double.NaN;
        if (state == TrialState.Completed && !metrics.TryGetValue(_sweep.MetricName, out objective))
        {
            state = TrialState.Failed;
            reason = $"the trial finished without reporting {_sweep.MetricName}";
        }
        else if (state == TrialState.Completed && !double.IsFinite(objective))
        {
            // A NaN or infinite objective ranks nowhere: the trial failed (as Optuna fails a NaN), and the value is
            // not kept, so exports never show it as a result.
            state = TrialState.Failed;
            reason = $"the trainer reported a non-finite {_sweep.MetricName} ({objective.ToString(CultureInfo.InvariantCulture)})";
            metrics = metrics.Where(m => m.Key != _sweep.MetricName).ToDictionary(StringComparer.Ordinal);
        }

        // Every non-completed trial carries a reason, so nobody has to guess why it ended.
        reason ??= state switch
        {
            TrialState.Pruned => $"pruned by the {_definition.EarlyTerminate.Type.ToString().ToLowerInvariant()} rule after epoch {completion.EpochsRun}",
            TrialState.Failed => "the trainer reported a failure without a reason",
            TrialState.Cancelled => "cancelled on its worker",
            _ => null,
        };
        var finish = new TrialFinish(
            completion.Lease.TrialId,
            state,
            reason,
            metrics,
            [.. completion.Artifacts.Select(a => DescribeArtifact(a.Key, a.Value))],
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

        double? value = metrics.TryGetValue(_sweep.MetricName, out var v) ? v : null;
        LearnOutcome(completion.Lease.TrialId, state, state == TrialState.Completed ? value : null, reason);
        await FillAsync();
        return change;
    }

    /// <summary>Tells the study a trial's end (once) and counts it towards budget.max_failed_trials.</summary>
    private void LearnOutcome(string trialId, TrialState state, double? value, string? reason)
    {
        if (_numberByTrialId.TryGetValue(trialId, out var number) && _study.GetTrial(number).State == TrialState.Running)
        {
            _study.Tell(number, state, value, reason);
            _failures.Record(state, reason);
        }
    }

    public async Task CancelAsync(string reason)
    {
        if (_finished)
        {
            return;
        }

        await sweeps.FinishSweepAsync(SweepId, SweepState.Cancelled, reason, CancellationToken.None);
        _finished = true;
        logger.LogInformation("Sweep {SweepId} cancelled: {Reason}", SweepId, reason);
    }

    /// <summary>Suggests trials while parallelism, trial budget, time budget and the search space allow.</summary>
    private async Task FillAsync()
    {
        if (_finished)
        {
            return;
        }

        if (_failures.Reached(_definition.Budget.MaxFailedTrials))
        {
            // Fail fast: running trials are cancelled with the same reason, and nothing more is suggested.
            var failure = _failures.Describe(_definition.Budget.MaxFailedTrials);
            await sweeps.FinishSweepAsync(SweepId, SweepState.Failed, failure, CancellationToken.None);
            _finished = true;
            logger.LogWarning("Sweep {SweepId} failed: {Reason}", SweepId, failure);
            return;
        }

        var trials = _study.Trials;
        var inFlight = trials.Count(t => t.State == TrialState.Running);
        var total = trials.Length;
        var added = 0;
        // An ask-and-tell sweep's trials are created by AskAsync only; here it just finishes when nothing is left.
        while (_definition.Program is not { AskTell: true } && inFlight < _definition.Budget.MaxParallel && !BudgetSpent(total) && !_exhausted)
        {
            if (!_study.TryAsk(out var suggestion))
            {
                _exhausted = true;
                break;
            }

            var trial = await queue.AddTrialAsync(SweepId, suggestion.Parameters, CancellationToken.None);
            _numberByTrialId[trial.Id] = suggestion.Number;
            if (trial.Number != suggestion.Number)
            {
                logger.LogWarning("Trial {TrialId} stored as number {StoredNumber}, suggested as {SuggestedNumber}", trial.Id, trial.Number, suggestion.Number);
            }

            inFlight++;
            total++;
            added++;
        }

        if (added > 0)
        {
            await GrainFactory.GetGrain<ITrialDispatcherGrain>(0).NotifyWorkAvailableAsync();
        }

        if (inFlight == 0 && (_exhausted || BudgetSpent(total)))
        {
            var reason = _exhausted ? "the search space is exhausted" : DeadlinePassed() ? "budget.max_minutes reached" : "budget.max_trials reached";
            await sweeps.FinishSweepAsync(SweepId, SweepState.Completed, reason, CancellationToken.None);
            _finished = true;
            logger.LogInformation("Sweep {SweepId} completed: {Reason}", SweepId, reason);
        }
    }

    private bool BudgetSpent(int total) =>
        (_definition.Budget.MaxTrials is { } max && total >= max) || DeadlinePassed();

    private bool DeadlinePassed() =>
        _definition.Budget.MaxMinutes is { } minutes && _sweep.StartedAt is { } started && time.GetUtcNow() >= started.AddMinutes(minutes);

    private async Task CheckDeadlineAsync(CancellationToken cancellationToken)
    {
        if (_finished || !DeadlinePassed())
        {
            return;
        }

        // Running trials are cancelled with the reason; finished ones keep their results.
        await sweeps.FinishSweepAsync(SweepId, SweepState.Completed, "budget.max_minutes reached", cancellationToken);
        _finished = true;
        logger.LogInformation("Sweep {SweepId} reached its time budget", SweepId);
    }

    private ArtifactInfo DescribeArtifact(string name, string path)
    {
        var root = Path.GetFullPath(scheduling.Value.ArtifactRoot);
        var full = Path.GetFullPath(path);
        var relative = full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetRelativePath(root, full) : full;
        var bytes = File.Exists(full) ? new FileInfo(full).Length : 0;
        return new ArtifactInfo(name, relative, ContentTypes.For(full), bytes);
    }

    private static TrialLease ToStore(TrialLeaseToken lease) => new(lease.TrialId, lease.WorkerId, lease.Attempt);
}
