using AeSweep.Core.Search.Constraints;
using AeSweep.Core.Search.MultiObjective;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Multi-objective TPE (Ozaki et al., GECCO 2020; Optuna's <c>TPESampler</c> on a multi-objective study, formerly
/// <c>MOTPESampler</c>). After <see cref="TpeOptions.StartupTrials"/> random trials, the completed trials are split
/// into γ(n) "good" ones and the rest: whole non-domination ranks in order, and within the rank that overflows, the
/// subset a greedy hypervolume-subset selection keeps. The good trials are weighted by their hypervolume
/// contribution (the front's extremes and gaps count most), a Parzen estimator l(x) is fitted to them and g(x) to the
/// rest, and of <see cref="TpeOptions.EiCandidates"/> draws from l the one maximising l(x)/g(x) is suggested —
/// parameter by parameter, as our univariate TPE, conditional and categorical parameters included.
/// </summary>
/// <remarks>
/// Chosen over NSGA-II because a sweep's budget is small (tens of trials on two cores): NSGA-II needs several
/// generations of a population (Optuna's default: 50) before selection does anything, while MOTPE models from the
/// eleventh trial on. Running and pending trials count as "bad" (the constant liar), so parallel asks spread out;
/// failed, cancelled and pruned trials are left out (multi-objective sweeps do not prune). Stateless: the random stream
/// derives from the seed and the trial number.
/// </remarks>
public sealed class MotpeSampler : ISampler
{
    private readonly long _seed;
    private readonly MetricGoal[] _goals;

    /// <summary>Creates the sampler for objectives with <paramref name="goals"/> (2 or 3).</summary>
    /// <exception cref="ArgumentException">Fewer than 2 or more than 3 goals.</exception>
    public MotpeSampler(long seed, IReadOnlyList<MetricGoal> goals, TpeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(goals);
        if (goals.Count is not (2 or 3))
        {
            throw new ArgumentException("Multi-objective TPE takes 2 or 3 objectives.", nameof(goals));
        }

        _seed = seed;
        _goals = [.. goals];
        Options = options ?? TpeOptions.Default;
    }

    /// <summary>The settings in use (multivariate and pruned-trial settings do not apply).</summary>
    public TpeOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = SeedSequence.For(_seed, context.TrialNumber);
        var space = context.Space;
        var completed = context.Trials.Where(HasObjectives).ToList();
        if (completed.Count < Options.StartupTrials)
        {
            return space.SampleRandom(random);
        }

        var losses = completed.Select(Minimised).ToList();
        var belowIndices = SplitBelow(losses, TpeSampler.DefaultGamma(completed.Count));
        var isBelow = new bool[completed.Count];
        foreach (var i in belowIndices)
        {
            isBelow[i] = true;
        }

        var below = belowIndices.Select(i => completed[i]).ToList();
        var belowWeights = BelowWeights(belowIndices.Select(i => losses[i]).ToList());
        var above = completed.Where((_, i) => !isBelow[i]).ToList();
        if (Options.ConstantLiar)
        {
            above.AddRange(context.Trials.Where(t => t.State is TrialState.Running or TrialState.Pending));
        }

        if (context.Constraints is { IsEmpty: false } constraints &&
            ConstrainedAcquisition.BestFeasible(space, constraints, random, Options.EiCandidates * ConstrainedAcquisition.CandidateFactor, parameter =>
            {
                var (belowValues, weights) = Observed(parameter, below, belowWeights);
                var (aboveValues, _) = Observed(parameter, above, null);
                return ([parameter],
                    new ParzenEstimator([parameter.Distribution], [belowValues], false, Options, weights),
                    new ParzenEstimator([parameter.Distribution], [aboveValues], false, Options));
            }) is { } feasible)
        {
            return feasible;
        }

        var assignment = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in space.Parameters)
        {
            if (!space.IsActive(parameter, assignment))
            {
                continue;
            }

            if (TpeSampler.IsSingleValued(parameter.Distribution))
            {
                assignment[parameter.Name] = parameter.Distribution.Sample(random);
                continue;
            }

            var (belowValues, weights) = Observed(parameter, below, belowWeights);
            var (aboveValues, _) = Observed(parameter, above, null);
            var l = new ParzenEstimator([parameter.Distribution], [belowValues], false, Options, weights);
            var g = new ParzenEstimator([parameter.Distribution], [aboveValues], false, Options);
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

            assignment[parameter.Name] = TpeSampler.ToValue(parameter.Distribution, candidates[0][best]);
        }

        return assignment;
    }

    /// <summary>
    /// The indices of the <paramref name="count"/> "good" loss vectors: whole non-domination ranks in order; in the
    /// rank that does not fit, the subset greedy hypervolume-subset selection picks (Optuna's split).
    /// </summary>
    public static int[] SplitBelow(IReadOnlyList<IReadOnlyList<double>> losses, int count)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var ranks = ParetoFront.Ranks(losses);
        var chosen = new List<int>();
        foreach (var rank in ranks.Where(r => r != int.MaxValue).Distinct().Order())
        {
            var members = Enumerable.Range(0, ranks.Length).Where(i => ranks[i] == rank).ToList();
            if (chosen.Count + members.Count <= count)
            {
                chosen.AddRange(members);
                continue;
            }

            chosen.AddRange(GreedyHypervolumeSubset(members.Select(i => losses[i]).ToList(), count - chosen.Count).Select(k => members[k]));
            break;
        }

        chosen.Sort();
        return [.. chosen];
    }

    // Greedy hypervolume subset selection: each step adds the vector that adds the most hypervolume.
    private static List<int> GreedyHypervolumeSubset(List<IReadOnlyList<double>> points, int size)
    {
        var reference = Hypervolume.ReferencePoint(points);
        var selected = new List<int>();
        var selectedPoints = new List<IReadOnlyList<double>>();
        while (selected.Count < size)
        {
            var best = -1;
            var bestVolume = double.NegativeInfinity;
            for (var i = 0; i < points.Count; i++)
            {
                if (selected.Contains(i))
                {
                    continue;
                }

                selectedPoints.Add(points[i]);
                var volume = Hypervolume.Compute(selectedPoints, reference);
                selectedPoints.RemoveAt(selectedPoints.Count - 1);
                if (volume > bestVolume)
                {
                    (best, bestVolume) = (i, volume);
                }
            }

            selected.Add(best);
            selectedPoints.Add(points[best]);
        }

        return selected;
    }

    // Optuna's weights of the good trials: hypervolume contribution over the largest one, clipped to [ε, 1].
    private static double[] BelowWeights(List<IReadOnlyList<double>> losses)
    {
        const double epsilon = 1e-12;
        if (losses.Count <= 1)
        {
            return [.. losses.Select(_ => 1.0)];
        }

        var reference = Hypervolume.ReferencePoint(losses);
        var contributions = Hypervolume.Contributions(losses, reference);
        var largest = Math.Max(contributions.Max(), epsilon);
        return [.. contributions.Select(c => Math.Clamp(c / largest, epsilon, 1.0))];
    }

    private bool HasObjectives(FrozenTrial trial) =>
        trial.State == TrialState.Completed && trial.ObjectiveValues.Length == _goals.Length && trial.ObjectiveValues.All(double.IsFinite);

    private IReadOnlyList<double> Minimised(FrozenTrial trial) => [.. trial.ObjectiveValues.Select((v, k) => _goals[k].ToMinimized(v))];

    // The values of one parameter in model form (categorical choices as indices), from the trials where it was active
    // and its value still fits the space; with weights, the matching ones.
    private static (double[] Values, double[]? Weights) Observed(SearchParameter parameter, List<FrozenTrial> trials, double[]? weights)
    {
        var values = new List<double>();
        var kept = new List<double>();
        for (var i = 0; i < trials.Count; i++)
        {
            if (!trials[i].Parameters.TryGetValue(parameter.Name, out var value))
            {
                continue;
            }

            double x;
            if (parameter.Distribution is CategoricalDistribution categorical)
            {
                var index = categorical.IndexOf(value);
                if (index < 0)
                {
                    continue;
                }

                x = index;
            }
            else if (value.IsNumeric && parameter.Distribution.NumericRange is { } r && value.AsDouble() is var v && v >= r.Min && v <= r.Max)
            {
                x = v;
            }
            else
            {
                continue;
            }

            values.Add(x);
            if (weights is not null)
            {
                kept.Add(weights[i]);
            }
        }

        return ([.. values], weights is null ? null : [.. kept]);
    }
}
