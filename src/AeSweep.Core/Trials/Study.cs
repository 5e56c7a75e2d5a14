using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Trials;

/// <summary>
/// The ask-and-tell core of a sweep: <see cref="Ask"/> creates a trial with the sampler's configuration,
/// <see cref="Report"/> records an intermediate value and asks the pruner whether to go on, and
/// <see cref="Tell(int, double)"/> records how the trial ended. The history is a list of immutable
/// <see cref="FrozenTrial"/> snapshots and the sampler and pruner are stateless over it, so a study
/// rebuilt from stored trials (<see cref="Study(SearchSpace, ISampler, IPruner, MetricGoal, IEnumerable{FrozenTrial}?)"/>)
/// behaves exactly as the one that stored them. The study never numbers trials itself: the caller passes the number
/// the store gives the new trial (the sampler's random streams derive from it), so the store is the one owner of
/// trial numbers. Thread-safe: every operation holds one lock.
/// </summary>
public sealed class Study
{
    private readonly Lock _lock = new();
    private readonly List<FrozenTrial> _trials = [];
    private readonly Dictionary<int, int> _indexByNumber = [];

    /// <summary>Creates a study, optionally restoring the trials a previous run stored.</summary>
    /// <param name="space">The search space.</param>
    /// <param name="sampler">How configurations are chosen.</param>
    /// <param name="pruner">When running trials stop early.</param>
    /// <param name="goal">Whether smaller or larger values are better.</param>
    /// <param name="trials">Stored trials to restore (any order; numbers must be unique and non-negative).</param>
    /// <exception cref="ArgumentException">Two stored trials share a number, or a number is negative.</exception>
    public Study(SearchSpace space, ISampler sampler, IPruner pruner, MetricGoal goal, IEnumerable<FrozenTrial>? trials = null)
    {
        Space = space;
        Sampler = sampler;
        Pruner = pruner;
        Goal = goal;
        foreach (var trial in (trials ?? []).OrderBy(t => t.Number))
        {
            if (trial.Number < 0 || _indexByNumber.ContainsKey(trial.Number))
            {
                throw new ArgumentException($"Trial number {trial.Number} is negative or appears twice.", nameof(trials));
            }

            _indexByNumber[trial.Number] = _trials.Count;
            _trials.Add(trial);
        }
    }

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>The sampler.</summary>
    public ISampler Sampler { get; }

    /// <summary>The pruner.</summary>
    public IPruner Pruner { get; }

    /// <summary>Whether smaller or larger values are better.</summary>
    public MetricGoal Goal { get; }

    /// <summary>A snapshot of every trial, in number order.</summary>
    public ImmutableArray<FrozenTrial> Trials
    {
        get
        {
            lock (_lock)
            {
                return [.. _trials];
            }
        }
    }

    /// <summary>The completed trial with the best value, or null when none has completed.</summary>
    public FrozenTrial? BestTrial
    {
        get
        {
            lock (_lock)
            {
                FrozenTrial? best = null;
                foreach (var trial in _trials)
                {
                    if (trial is { State: TrialState.Completed, Value: { } value } && (best is null || Goal.IsBetter(value, best.Value!.Value)))
                    {
                        best = trial;
                    }
                }

                return best;
            }
        }
    }

    /// <summary>The current snapshot of trial <paramref name="number"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such trial.</exception>
    public FrozenTrial GetTrial(int number)
    {
        lock (_lock)
        {
            return _trials[IndexOf(number)];
        }
    }

    /// <summary>Creates running trial <paramref name="number"/> with the sampler's next configuration.</summary>
    /// <param name="number">The new trial's number, as the store assigns it; the sampler's random stream derives from it.</param>
    /// <exception cref="SearchExhaustedException">The sampler has nothing left (a finished grid).</exception>
    /// <exception cref="ArgumentException">The number is negative or already taken.</exception>
    public TrialSuggestion Ask(int number) =>
        TryAsk(number, out var suggestion) ? suggestion : throw new SearchExhaustedException();

    /// <summary>As <see cref="Ask"/>, but answers false instead of throwing when the search space is exhausted.</summary>
    /// <exception cref="ArgumentException">The number is negative or already taken.</exception>
    public bool TryAsk(int number, [NotNullWhen(true)] out TrialSuggestion? suggestion)
    {
        lock (_lock)
        {
            if (number < 0 || _indexByNumber.ContainsKey(number))
            {
                throw new ArgumentException($"Trial number {number} is negative or already taken.", nameof(number));
            }

            var parameters = Sampler.Sample(new SamplingContext(Space, Goal, _trials.AsReadOnly(), number));
            if (parameters is null)
            {
                suggestion = null;
                return false;
            }

            var trial = FrozenTrial.Start(number, parameters);
            _indexByNumber[number] = _trials.Count;
            _trials.Add(trial);
            suggestion = new TrialSuggestion(number, trial.Parameters);
            return true;
        }
    }

    /// <summary>
    /// Creates running trial <paramref name="number"/> with a configuration given from outside (an enqueued or retried
    /// trial, as Optuna's <c>enqueue_trial</c>): the sampler is not asked, but sees it in the history like any trial.
    /// </summary>
    /// <exception cref="ArgumentException">The number is negative or already taken.</exception>
    public FrozenTrial AddFixed(int number, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        lock (_lock)
        {
            if (number < 0 || _indexByNumber.ContainsKey(number))
            {
                throw new ArgumentException($"Trial number {number} is negative or already taken.", nameof(number));
            }

            var trial = FrozenTrial.Start(number, parameters);
            _indexByNumber[number] = _trials.Count;
            _trials.Add(trial);
            return trial;
        }
    }

    /// <summary>
    /// Records an intermediate value and asks the pruner whether the trial goes on. On
    /// <see cref="TrialDecision.Prune"/> the caller stops training and tells <see cref="TrialState.Pruned"/>.
    /// A step reported twice (a trial resumed from a checkpoint) keeps the newer value.
    /// </summary>
    /// <exception cref="TrialStateException">The trial is not running.</exception>
    public TrialDecision Report(int number, int step, double value)
    {
        lock (_lock)
        {
            var index = IndexOf(number);
            var trial = _trials[index];
            if (trial.State != TrialState.Running)
            {
                throw new TrialStateException($"Trial {number} is {trial.State.ToString().ToLowerInvariant()}; only a running trial reports values.");
            }

            trial = trial with { IntermediateValues = trial.IntermediateValues.SetItem(step, value) };
            _trials[index] = trial;
            return Pruner.ShouldPrune(new PruningContext(Goal, _trials.AsReadOnly(), trial)) ? TrialDecision.Prune : TrialDecision.Continue;
        }
    }

    /// <summary>Completes a trial with its final value; a NaN value fails it instead (as Optuna does).</summary>
    /// <exception cref="TrialStateException">The trial is not running (for instance, it already finished).</exception>
    public FrozenTrial Tell(int number, double value) =>
        double.IsNaN(value) ? Tell(number, TrialState.Failed, value, "the metric value is NaN") : Tell(number, TrialState.Completed, value);

    /// <summary>
    /// Ends a trial in <paramref name="state"/>, or moves it between pending and running (a lost worker's
    /// trial going back to the queue). A pruned trial without a value keeps its last intermediate value.
    /// </summary>
    /// <exception cref="TrialStateException">The life cycle forbids the change (a finished trial never changes again).</exception>
    /// <exception cref="ArgumentException">A completed state without a value.</exception>
    /// <param name="number">The trial.</param>
    /// <param name="state">Its new state.</param>
    /// <param name="value">Its value (the first objective's in a multi-objective sweep).</param>
    /// <param name="reason">Why it ended so.</param>
    /// <param name="objectiveValues">A multi-objective sweep's objective values, in the sweep's order; null: none.</param>
    public FrozenTrial Tell(int number, TrialState state, double? value = null, string? reason = null, IReadOnlyList<double>? objectiveValues = null)
    {
        lock (_lock)
        {
            var index = IndexOf(number);
            var trial = _trials[index];
            if (!trial.State.CanMoveTo(state))
            {
                throw new TrialStateException(
                    $"Trial {number} is {trial.State.ToString().ToLowerInvariant()}; it cannot become {state.ToString().ToLowerInvariant()}.");
            }

            if (state == TrialState.Completed && (value is null || double.IsNaN(value.Value)))
            {
                throw new ArgumentException("A completed trial needs a value.", nameof(value));
            }

            if (state == TrialState.Pruned)
            {
                value ??= trial.LastIntermediateValue;
            }

            trial = trial with
            {
                State = state,
                Value = value ?? trial.Value,
                Reason = reason ?? trial.Reason,
                ObjectiveValues = objectiveValues is null ? trial.ObjectiveValues : [.. objectiveValues],
            };
            _trials[index] = trial;
            return trial;
        }
    }

    private int IndexOf(int number) =>
        _indexByNumber.TryGetValue(number, out var index) ? index : throw new KeyNotFoundException($"The study has no trial {number}.");
}
