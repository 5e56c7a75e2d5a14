using System.Runtime.CompilerServices;
using AeSweep.Core.Search.Constraints;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011) as Optuna 3.x implements it. After
/// <see cref="TpeOptions.StartupTrials"/> random trials, the finished trials are split into the best
/// γ(n) = min(⌈0.1·n⌉, 25) ("below") and the rest ("above"); a Parzen estimator l(x) is fitted to the
/// first and g(x) to the second, <see cref="TpeOptions.EiCandidates"/> candidates are drawn from l, and the
/// one maximising l(x)/g(x) — the expected improvement — is suggested.
/// </summary>
/// <remarks>
/// Ranking follows Optuna: completed trials by value first, then pruned trials by the step they
/// reached (further is better) and their last intermediate value — unless trials were pruned and
/// <see cref="TpeOptions.LearnFromPrunedTrials"/> is on: then, BOHB-style, the trials are ranked by their
/// values at the largest budget enough of them reached (<see cref="ModelObservations"/>), so a pruned trial
/// that did well there counts as good; running and pending trials without a value there count
/// as the worst observations under the constant liar; failed and cancelled trials are left out, so a
/// crashing configuration cannot poison the model. Conditional parameters are modelled from the
/// trials in which they were active. The random stream is derived from the seed and the trial
/// number, so the suggestion depends only on (seed, history).
/// </remarks>
public sealed class TpeSampler : ISampler
{
    private readonly long _seed;
    private readonly ConditionalWeakTable<FrozenTrial, InternalValuesMemo> _internalValues = new();

    /// <summary>Creates a TPE sampler.</summary>
    public TpeSampler(long seed, TpeOptions? options = null)
    {
        _seed = seed;
        Options = options ?? TpeOptions.Default;
        if (Options.Group && !Options.Multivariate)
        {
            throw new ArgumentException("The group option needs the multivariate option.", nameof(options));
        }
    }

    /// <summary>The settings in use.</summary>
    public TpeOptions Options { get; }

    /// <summary>Optuna's γ(n): how many of n finished trials count as good.</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue> Sample(SamplingContext context)
    {
        var random = SeedSequence.For(_seed, context.TrialNumber);
        var space = context.Space;
        var ranked = RankedTrials(context);
        var finished = ranked.Count(r => !r.InFlight);
        if (finished < Options.StartupTrials)
        {
            return space.SampleRandom(random);
        }

        MarkBelow(ranked, DefaultGamma(finished));
        var rows = new double[ranked.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = InternalValues(ranked[i].Trial, space);
        }

        var groups = Options.Multivariate ? JointGroups(space) : null;
        if (context.Constraints is { IsEmpty: false } constraints &&
            ConstrainedAcquisition.BestFeasible(space, constraints, random, Options.EiCandidates * ConstrainedAcquisition.CandidateFactor, parameter =>
            {
                var group = groups?.FirstOrDefault(g => g.Contains(parameter));
                var (l, g) = Estimators(group ?? [parameter], ranked, space, rows, multivariate: group is not null);
                return (group ?? [parameter], l, g);
            }) is { } feasible)
        {
            return feasible;
        }

        var assignment = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in space.Parameters)
        {
            if (assignment.ContainsKey(parameter.Name) || !space.IsActive(parameter, assignment))
            {
                continue;
            }

            if (IsSingleValued(parameter.Distribution))
            {
                assignment[parameter.Name] = parameter.Distribution.Sample(random);
                continue;
            }

            if (groups?.FirstOrDefault(g => g.Contains(parameter)) is { } group)
            {
                SampleJointly(group, ranked, space, rows, random, assignment, multivariate: true);
            }
            else
            {
                SampleJointly([parameter], ranked, space, rows, random, assignment, multivariate: false);
            }
        }

        return assignment;
    }

    private void SampleJointly(
        List<SearchParameter> parameters,
        List<Ranked> ranked,
        SearchSpace space,
        double[][] rows,
        Random random,
        Dictionary<string, ParameterValue> assignment,
        bool multivariate)
    {
        var (l, g) = Estimators(parameters, ranked, space, rows, multivariate);
        var candidates = l.Sample(random, Options.EiCandidates);
        var logL = l.LogPdf(candidates);
        var logG = g.LogPdf(candidates);
        var best = 0;
        for (var i = 1; i < logL.Length; i++)
        {
            if (logL[i] - logG[i] > logL[best] - logG[best])
            {
                best = i;
            }
        }

        for (var d = 0; d < parameters.Count; d++)
        {
            assignment[parameters[d].Name] = ToValue(parameters[d].Distribution, candidates[d][best]);
        }
    }

    // The "good" (l) and "bad" (g) Parzen estimators of a parameter or joint group.
    private (ParzenEstimator L, ParzenEstimator G) Estimators(List<SearchParameter> parameters, List<Ranked> ranked, SearchSpace space, double[][] rows, bool multivariate)
    {
        var group = new double[parameters.Count][];
        for (var d = 0; d < parameters.Count; d++)
        {
            var index = space.Parameters.IndexOf(parameters[d]);
            group[d] = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                group[d][i] = rows[i][index];
            }
        }

        var below = Observations(group, ranked, wantBelow: true);
        var above = Observations(group, ranked, wantBelow: false);
        var distributions = parameters.Select(p => p.Distribution).ToArray();
        return (new ParzenEstimator(distributions, below, multivariate, Options), new ParzenEstimator(distributions, above, multivariate, Options));
    }

    // The joint groups: the unconditional parameters (Optuna's intersection search space) and, with
    // Group, each set of conditional siblings that share one condition.
    private List<List<SearchParameter>> JointGroups(SearchSpace space)
    {
        var modelled = space.Parameters.Where(p => !IsSingleValued(p.Distribution)).ToList();
        var groups = new List<List<SearchParameter>> { modelled.Where(p => p.Condition is null).ToList() };
        if (Options.Group)
        {
            groups.AddRange(modelled.Where(p => p.Condition is not null).GroupBy(p => p.Condition).Select(g => g.ToList()));
        }

        return groups;
    }

    private List<Ranked> RankedTrials(SamplingContext context)
    {
        var ranked = new List<Ranked>(context.Trials.Count);
        var atBudget = Options.LearnFromPrunedTrials && context.Trials.Any(t => t.State == TrialState.Pruned)
            ? ModelObservations.Select(context, Options.StartupTrials).ToDictionary(o => o.Trial.Number, o => context.Goal.ToMinimized(o.Value))
            : null;
        foreach (var trial in context.Trials)
        {
            if (atBudget is not null)
            {
                // BOHB-style: every trial with a value at the common budget is ranked by it, ahead of the trials that
                // stopped short of it (those keep Optuna's order: further first, then their last value).
                if (atBudget.TryGetValue(trial.Number, out var loss))
                {
                    ranked.Add(new Ranked(trial, double.NegativeInfinity, loss, false));
                    continue;
                }

                if (trial.State == TrialState.Completed)
                {
                    ranked.Add(new Ranked(trial, -(trial.LastStep ?? 0), trial.Value is { } v && !double.IsNaN(v) ? context.Goal.ToMinimized(v) : double.PositiveInfinity, false));
                    continue;
                }
            }

            switch (trial.State)
            {
                case TrialState.Completed when trial.Value is { } value && !double.IsNaN(value):
                    ranked.Add(new Ranked(trial, double.NegativeInfinity, context.Goal.ToMinimized(value), false));
                    break;
                case TrialState.Pruned when trial.LastStep is { } step:
                    var last = trial.IntermediateValues[step];
                    ranked.Add(new Ranked(trial, -step, double.IsNaN(last) ? double.PositiveInfinity : context.Goal.ToMinimized(last), false));
                    break;
                case TrialState.Pruned:
                    ranked.Add(new Ranked(trial, 1, 0, false));
                    break;
                case TrialState.Running or TrialState.Pending when Options.ConstantLiar:
                    ranked.Add(new Ranked(trial, double.PositiveInfinity, double.PositiveInfinity, true));
                    break;
                default:
                    // Failed and cancelled trials carry no information about the objective.
                    break;
            }
        }

        return ranked;
    }

    private static void MarkBelow(List<Ranked> ranked, int count)
    {
        var keys = new RankKey[ranked.Count];
        var order = new int[ranked.Count];
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = new RankKey(ranked[i].StepKey, ranked[i].Loss, i);
            order[i] = i;
        }

        Array.Sort(keys, order);
        for (var k = 0; k < order.Length; k++)
        {
            ranked[order[k]].IsBelow = k < count;
        }
    }

    // Rows of one side of the split, in trial order, from trials where every parameter of the group was active.
    private static double[][] Observations(double[][] group, List<Ranked> ranked, bool wantBelow)
    {
        var rows = new List<int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].IsBelow != wantBelow)
            {
                continue;
            }

            var complete = true;
            foreach (var column in group)
            {
                complete &= !double.IsNaN(column[i]);
            }

            if (complete)
            {
                rows.Add(i);
            }
        }

        return [.. group.Select(column => rows.Select(i => column[i]).ToArray())];
    }

    // A trial's values in model form, one per parameter of the space (categorical choices as indices);
    // NaN where the parameter was inactive or its value no longer fits the space (a resumed sweep may have
    // narrowed a range). Snapshots are immutable, so this is memoised per snapshot: the history is re-read
    // on every ask, and a thousand dictionary look-ups per parameter would dominate the ask otherwise. The
    // memo holds no state that could change a suggestion.
    private double[] InternalValues(FrozenTrial trial, SearchSpace space)
    {
        if (_internalValues.TryGetValue(trial, out var memo) && ReferenceEquals(memo.Space, space))
        {
            return memo.Values;
        }

        var values = new double[space.Parameters.Length];
        for (var p = 0; p < values.Length; p++)
        {
            var parameter = space.Parameters[p];
            values[p] = double.NaN;
            if (!trial.Parameters.TryGetValue(parameter.Name, out var value))
            {
                continue;
            }

            if (parameter.Distribution is CategoricalDistribution categorical)
            {
                var index = categorical.IndexOf(value);
                values[p] = index < 0 ? double.NaN : index;
            }
            else if (parameter.Distribution is PriorDistribution prior)
            {
                // W&B's priors are modelled on their CDF scale, where the prior is uniform on [0, 1].
                values[p] = prior.ToUnit(value);
            }
            else if (value.IsNumeric && parameter.Distribution.NumericRange is { } r && value.AsDouble() is var x && x >= r.Min && x <= r.Max)
            {
                values[p] = x;
            }
        }

        _internalValues.AddOrUpdate(trial, new InternalValuesMemo(space, values));
        return values;
    }

    internal static ParameterValue ToValue(ParameterDistribution distribution, double internalValue) => distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)internalValue],
        IntDistribution => ParameterValue.Of((long)internalValue),
        PriorDistribution p => p.FromUnit(internalValue),
        _ => ParameterValue.Of(internalValue),
    };

    internal static bool IsSingleValued(ParameterDistribution distribution) => distribution switch
    {
        ConstantDistribution => true,
        CategoricalDistribution c => c.Choices.Length <= 1,
        FloatDistribution f => f.Low >= f.High,
        IntDistribution i => i.Low >= i.High,
        _ => false,
    };

    // Sort key of the split: (−step, loss), then trial order so ties stay stable as in numpy's stable argsort.
    private readonly record struct RankKey(double StepKey, double Loss, int Index) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other)
        {
            var c = StepKey.CompareTo(other.StepKey);
            c = c != 0 ? c : Loss.CompareTo(other.Loss);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    private sealed record InternalValuesMemo(SearchSpace Space, double[] Values);

    private sealed class Ranked(FrozenTrial trial, double stepKey, double loss, bool inFlight)
    {
        public FrozenTrial Trial { get; } = trial;

        public double StepKey { get; } = stepKey;

        public double Loss { get; } = loss;

        public bool InFlight { get; } = inFlight;

        public bool IsBelow { get; set; }
    }
}
