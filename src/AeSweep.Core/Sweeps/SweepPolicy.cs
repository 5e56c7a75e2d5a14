using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Sweeps;

/// <summary>
/// A sweep's rules, free of any host: how many trials to suggest now (budget.max_parallel, budget.max_trials,
/// budget.max_minutes, the search space), whether an outside trainer may ask for one, when the sweep ends and why,
/// and how a trial's reported end is judged (a completed trial needs a finite objective; every other end carries a
/// reason). The coordinator grain loads state, asks this, and writes the answers to the store. Time comes from the
/// <see cref="TimeProvider"/> given, so the deadline rules are tested with a fake clock.
/// </summary>
public sealed class SweepPolicy
{
    /// <summary>The reason a sweep ends, and an ask is refused, once the sampler has nothing left.</summary>
    public const string ExhaustedReason = "the search space is exhausted";

    /// <summary>The reason when budget.max_trials trials exist.</summary>
    public const string MaxTrialsReason = "budget.max_trials reached";

    /// <summary>The reason when a completed trial reached metric.target (W&amp;B's target).</summary>
    public const string TargetReason = "metric.target reached";

    /// <summary>The reason when budget.max_minutes has passed since the sweep started.</summary>
    public const string MaxMinutesReason = "budget.max_minutes reached";

    /// <summary>The refusal of an ask on a sweep whose trials run on workers.</summary>
    public const string NotAskTellRefusal = "this sweep's trials run on workers; only a program: {ask_tell: true} sweep hands out trials through ask";

    /// <summary>The refusal of an ask on a sweep that has ended.</summary>
    public const string FinishedRefusal = "the sweep has finished";

    /// <summary>The reason of a told completed trial without a finite value.</summary>
    public const string NoFiniteToldValueReason = "the trainer told no finite value";

    private readonly TimeProvider _time;

    /// <summary>Creates the policy of one sweep.</summary>
    /// <param name="budget">The sweep's budget.</param>
    /// <param name="metricName">The ranking metric a completed trial must report.</param>
    /// <param name="pruning">The early-termination rule, named in a pruned trial's reason.</param>
    /// <param name="askTell">Whether outside trainers ask for trials (then only asks create them).</param>
    /// <param name="time">The clock budget.max_minutes is measured with.</param>
    public SweepPolicy(BudgetSpec budget, string metricName, EarlyTerminateType pruning, bool askTell, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentException.ThrowIfNullOrEmpty(metricName);
        ArgumentNullException.ThrowIfNull(time);
        Budget = budget;
        MetricName = metricName;
        Pruning = pruning;
        AskTell = askTell;
        _time = time;
    }

    /// <summary>The policy of <paramref name="definition"/>'s sweep ranked by <paramref name="metricName"/>.</summary>
    public static SweepPolicy For(SweepDefinition definition, string metricName, TimeProvider time) =>
        new(definition.Budget, metricName, definition.EarlyTerminate.Type, definition.Program is { AskTell: true }, time)
        {
            Objectives = definition.IsMultiObjective ? definition.Objectives : ObjectiveList.Empty,
        };

    /// <summary>A multi-objective sweep's objectives (each a completed trial must have); empty otherwise.</summary>
    public IReadOnlyList<MetricSpec> Objectives { get; init; } = [];

    /// <summary>The sweep's budget.</summary>
    public BudgetSpec Budget { get; }

    /// <summary>The ranking metric.</summary>
    public string MetricName { get; }

    /// <summary>The early-termination rule.</summary>
    public EarlyTerminateType Pruning { get; }

    /// <summary>Whether trials are created by asks only.</summary>
    public bool AskTell { get; }

    /// <summary>Whether the sweep has a time budget (then the host checks <see cref="EndAtDeadline"/> on a timer).</summary>
    public bool HasDeadline => Budget.MaxMinutes is not null;

    /// <summary>Whether budget.max_minutes has passed since <paramref name="startedAt"/> (never before the sweep starts).</summary>
    public bool DeadlinePassed(DateTimeOffset? startedAt) =>
        Budget.MaxMinutes is { } minutes && startedAt is { } started && _time.GetUtcNow() >= started.AddMinutes(minutes);

    /// <summary>Whether no more trials may be created: budget.max_trials trials exist, or the deadline passed.</summary>
    public bool BudgetSpent(SweepProgress progress) =>
        (Budget.MaxTrials is { } max && progress.Trials >= max) || DeadlinePassed(progress.StartedAt) || progress.TargetReached;

    /// <summary>
    /// How many trials to suggest now for workers: the free budget.max_parallel places, within budget.max_trials;
    /// none for an ask-and-tell sweep (its trials come from asks), a finished sweep, an exhausted search space or a
    /// passed deadline. The host stops early when the sampler runs dry.
    /// </summary>
    public int TrialsToSuggest(SweepProgress progress)
    {
        if (AskTell || progress.Finished || progress.Exhausted || BudgetSpent(progress))
        {
            return 0;
        }

        var room = Budget.MaxParallel - progress.InFlight;
        if (Budget.MaxTrials is { } max)
        {
            room = Math.Min(room, max - progress.Trials);
        }

        return Math.Max(0, room);
    }

    /// <summary>Why an outside trainer may not ask for a trial now, or null when it may.</summary>
    public string? AskRefusal(SweepProgress progress)
    {
        if (!AskTell)
        {
            return NotAskTellRefusal;
        }

        if (progress.Finished)
        {
            return FinishedRefusal;
        }

        if (BudgetSpent(progress))
        {
            return SpentReason(progress);
        }

        if (progress.InFlight >= Budget.MaxParallel)
        {
            return $"budget.max_parallel reached: {progress.InFlight} asked trial(s) not told yet";
        }

        return progress.Exhausted ? ExhaustedReason : null;
    }

    /// <summary>
    /// Whether the sweep ends now, and how: failed once budget.max_failed_trials trials failed in a row (running
    /// trials are then cancelled with the same reason); completed once nothing is in flight and nothing more may be
    /// suggested (search space exhausted, trial budget or time budget spent). Null while it goes on.
    /// </summary>
    public SweepEnd? EndNow(SweepProgress progress, FailureStreak failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (progress.Finished)
        {
            return null;
        }

        if (failures.Reached(Budget.MaxFailedTrials))
        {
            return new SweepEnd(SweepEndState.Failed, failures.Describe(Budget.MaxFailedTrials));
        }

        if (progress.InFlight == 0 && (progress.Exhausted || BudgetSpent(progress)))
        {
            return new SweepEnd(SweepEndState.Completed, progress.Exhausted ? ExhaustedReason : SpentReason(progress));
        }

        return null;
    }

    /// <summary>
    /// The time budget's end: once budget.max_minutes has passed the sweep completes at once, trials in flight or not
    /// (running trials are cancelled; finished ones keep their results). Null before then, or when already finished.
    /// </summary>
    public SweepEnd? EndAtDeadline(SweepProgress progress) =>
        !progress.Finished && DeadlinePassed(progress.StartedAt) ? new SweepEnd(SweepEndState.Completed, MaxMinutesReason) : null;

    /// <summary>
    /// Judges a trial's reported end. A completed trial that did not report the ranking metric, or reported a NaN or
    /// infinite value, fails (as Optuna fails a NaN) and the non-finite value is dropped; an end without a reason gets
    /// one (<see cref="DefaultReason"/>).
    /// </summary>
    /// <param name="state">The state the worker or trainer reported.</param>
    /// <param name="metrics">The final metrics reported.</param>
    /// <param name="reason">The reported reason, if any.</param>
    /// <param name="epochsRun">Epochs (or steps) the trial ran, named in a pruned trial's reason.</param>
    /// <param name="parameters">The trial's configuration: where a multi-objective sweep's <c>code_size</c> objective comes from when not reported.</param>
    public TrialOutcome Judge(TrialState state, IReadOnlyDictionary<string, double> metrics, string? reason, int epochsRun, IReadOnlyDictionary<string, Search.ParameterValue>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        double[]? objectiveValues = null;
        if (state == TrialState.Completed && Objectives.Count > 0)
        {
            (objectiveValues, metrics, var failure) = ObjectiveValues.Resolve(Objectives, metrics, parameters);
            if (failure is not null)
            {
                return new TrialOutcome(TrialState.Failed, failure, metrics, null);
            }
        }

        var objective = double.NaN;
        if (state == TrialState.Completed && !metrics.TryGetValue(MetricName, out objective))
        {
            state = TrialState.Failed;
            reason = $"the trial finished without reporting {MetricName}";
        }
        else if (state == TrialState.Completed && !double.IsFinite(objective))
        {
            state = TrialState.Failed;
            reason = $"the trainer reported a non-finite {MetricName} ({objective.ToString(CultureInfo.InvariantCulture)})";
            metrics = metrics.Where(m => m.Key != MetricName).ToDictionary(StringComparer.Ordinal);
        }

        return new TrialOutcome(
            state,
            reason ?? DefaultReason(state, epochsRun),
            metrics,
            state == TrialState.Completed ? objective : null)
        {
            ObjectiveValues = state == TrialState.Completed ? objectiveValues : null,
        };
    }

    /// <summary>
    /// Judges an outside trainer's tell: a completed tell without a finite value fails (as Optuna does with NaN);
    /// a non-finite value is not kept. The result then goes through <see cref="Judge"/> like a worker's report.
    /// </summary>
    public TrialOutcome JudgeTell(TrialState state, double? value, string? reason)
    {
        double? told = value is { } v && double.IsFinite(v) ? v : null;
        if (state == TrialState.Completed && told is null)
        {
            state = TrialState.Failed;
            reason = NoFiniteToldValueReason;
        }

        var metrics = told is { } final ? new Dictionary<string, double>(StringComparer.Ordinal) { [MetricName] = final } : [];
        return new TrialOutcome(state, reason, metrics, state == TrialState.Completed ? told : null);
    }

    /// <summary>
    /// The reason of a trial that ended without one, so nobody has to guess why it ended: the rule that pruned it and
    /// after which epoch, a failure without a message, a cancel on its worker; null for a completed trial.
    /// </summary>
    public string? DefaultReason(TrialState state, int epochsRun) => state switch
    {
        TrialState.Pruned => $"pruned by the {Pruning.ToString().ToLowerInvariant()} rule after epoch {epochsRun}",
        TrialState.Failed => "the trainer reported a failure without a reason",
        TrialState.Cancelled => "cancelled on its worker",
        _ => null,
    };

    private string SpentReason(SweepProgress progress) =>
        DeadlinePassed(progress.StartedAt) ? MaxMinutesReason : progress.TargetReached ? TargetReason : MaxTrialsReason;
}
