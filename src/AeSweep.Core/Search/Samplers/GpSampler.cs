using AeSweep.Core.Search.Samplers.Gp;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Gaussian-process Bayesian optimisation in the manner of Optuna 4.x's GPSampler and BoTorch: a Matérn-5/2 kernel
/// with one lengthscale per parameter (a Hamming term for categoricals), fitted to the standardised finished values
/// (after a Box–Cox warping, see <see cref="GpOptions.PowerWarping"/>) by maximising the marginal likelihood under
/// priors that keep it sane; the next configuration maximises the log expected improvement over the best denoised
/// value, searched from scrambled-Halton candidates and the best observed points, then refined locally and scored
/// after rounding.
/// </summary>
/// <remarks>
/// <para>Inputs: numbers on [0, 1] (log parameters in log space), categoricals by the Hamming distance rather than
/// one-hot (one lengthscale per parameter, no fictitious distances between choices), and a parameter inactive in a
/// trial at distance 1 from every active value (see <see cref="GpSearchSpace"/>): conditional spaces work, though
/// <c>auto</c> sends conditional-heavy spaces to TPE.</para>
/// <para>Running and pending trials enter as observations at the posterior mean (kriging believer) with the
/// hyperparameters fitted to finished trials only: the belief collapses the variance, and so the expected
/// improvement, around each configuration in flight without inventing a value that would bend the fit. Failed,
/// cancelled and NaN trials are ignored.</para>
/// <para>Cost: the marginal-likelihood fit runs on at most <see cref="GpOptions.MaxFitObservations"/> observations
/// (the best half and an even spread of the rest), the candidate set shrinks as observations grow
/// (<see cref="GpOptions.CandidateBudget"/>), and both depend only on the history, so an ask stays deterministic.
/// The random stream is derived from the seed and the trial number, so the suggestion depends only on
/// (seed, history) and a study rebuilt from the store asks exactly what the old one would have.</para>
/// </remarks>
public sealed class GpSampler : ISampler
{
    private const int Incumbents = 3;

    private readonly long _seed;

    /// <summary>Creates a GP sampler.</summary>
    public GpSampler(long seed, GpOptions? options = null)
    {
        _seed = seed;
        Options = options ?? GpOptions.Default;
    }

    /// <summary>The settings in use.</summary>
    public GpOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue> Sample(SamplingContext context)
    {
        var random = SeedSequence.For(_seed, context.TrialNumber);
        var space = new GpSearchSpace(context.Space);
        var observations = CollectObservations(context);
        var observed = Encode(space, observations, context.Goal);
        if (space.Dimensions.Length == 0 || observed.Count < Math.Max(1, Options.StartupTrials))
        {
            return context.Space.SampleRandom(random);
        }

        // Standardise the minimised values; all-equal values leave them at zero with unit scale.
        var values = observed.Select(o => o.Value).ToArray();
        values = Options.PowerWarping ? PowerWarping.Apply(values).Values : values;
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        std = std > 1e-12 ? std : 1;
        var standardised = observed.Select((o, i) => (o.Point, Value: (values[i] - mean) / std)).ToList();

        var conditioned = Bounded(standardised, Options.MaxObservations);
        var fitted = Bounded(conditioned, Options.MaxFitObservations);
        var hyperparameters = GpFitter.Fit([.. fitted.Select(o => o.Point)], [.. fitted.Select(o => o.Value)], space.IsCategorical, Options.FitIterations);
        GpPosterior posterior;
        double best;
        try
        {
            posterior = new GpPosterior([.. conditioned.Select(o => o.Point)], [.. conditioned.Select(o => o.Value)], space.IsCategorical, hyperparameters);
            // The incumbent is the best denoised value, not the luckiest noisy draw: beating a lucky draw looks so hard
            // near the optimum that expected improvement would otherwise drift off to the corners.
            best = posterior.MeanAtObservations().Min();
            if (Options.KrigingBeliever && InFlight(context, space, observations) is { Count: > 0 } inFlight)
            {
                var (believed, _) = posterior.Predict(inFlight);
                posterior = new GpPosterior(
                    [.. conditioned.Select(o => o.Point), .. inFlight], [.. conditioned.Select(o => o.Value), .. believed], space.IsCategorical, hyperparameters);
            }
        }
        catch (ArgumentException)
        {
            // The kernel matrix lost positive definiteness to rounding (cannot happen in exact arithmetic above the
            // noise floor): a random configuration is a safe answer.
            return context.Space.SampleRandom(random);
        }

        var incumbents = standardised.OrderBy(o => o.Value).Take(Incumbents).Select(o => space.ToUnit(o.Point, Centre(o.Point.Length))).ToList();
        var candidates = (int)Math.Clamp(Options.CandidateBudget / conditioned.Count, Math.Min(Options.MinCandidates, Options.Candidates), Math.Max(1, Options.Candidates));
        var n = (long)conditioned.Count;
        var starts = (int)Math.Clamp(Options.LocalSearchBudget / (n * n), 1, Math.Max(1, Options.LocalSearchStarts));
        var (configuration, _) = new AcquisitionOptimizer(space, posterior, best) { Constraints = context.Constraints }.Maximise(random, candidates, starts, incumbents);
        return configuration;
    }

    // The observations the model learns from: completed trials with a value. This is the one place that decides
    // which trials count (and at which value), so that learning from pruned trials can replace it alone.
    // BOHB-style (ModelObservations): without pruning, the completed trials' final values; with pruning, every trial's
    // value at the largest epoch that enough trials reached, so pruned work informs the model instead of vanishing
    // from it (with aggressive pruning most trials are pruned, and a model of the few completed ones would send the
    // next trials straight back into the regions the pruner just rejected).
    private List<(FrozenTrial Trial, double Value)> CollectObservations(SamplingContext context) =>
        [.. ModelObservations.Select(context, Math.Max(1, Options.StartupTrials)).Select(o => (o.Trial, o.Value))];

    private static List<(double[] Point, double Value)> Encode(GpSearchSpace space, List<(FrozenTrial Trial, double Value)> observations, MetricGoal goal)
    {
        var encoded = new List<(double[] Point, double Value)>(observations.Count);
        foreach (var (trial, value) in observations)
        {
            if (double.IsFinite(value) && space.Encode(trial.Parameters) is { } point)
            {
                encoded.Add((point, goal.ToMinimized(value)));
            }
        }

        return encoded;
    }

    // Running trials that already reached the observed epoch are observations, not beliefs.
    private static List<double[]> InFlight(SamplingContext context, GpSearchSpace space, List<(FrozenTrial Trial, double Value)> observations) =>
        [.. context.Trials
            .Where(t => t.State is TrialState.Running or TrialState.Pending && t.Value is null && !observations.Exists(o => o.Trial.Number == t.Number))
            .Select(t => space.Encode(t.Parameters))
            .OfType<double[]>()];

    // At most `limit` observations: the best half of the limit and the rest spread evenly over the history in
    // trial order — a rule on the history alone, so it keeps asks deterministic.
    private static List<(double[] Point, double Value)> Bounded(List<(double[] Point, double Value)> observations, int limit)
    {
        if (observations.Count <= limit)
        {
            return observations;
        }

        var keep = new SortedSet<int>(Enumerable.Range(0, observations.Count).OrderBy(i => observations[i].Value).ThenBy(i => i).Take(limit / 2));
        var others = Enumerable.Range(0, observations.Count).Where(i => !keep.Contains(i)).ToList();
        var wanted = limit - keep.Count;
        for (var k = 0; k < wanted; k++)
        {
            keep.Add(others[(int)((long)k * others.Count / wanted)]);
        }

        return [.. keep.Select(i => observations[i])];
    }

    private static double[] Centre(int dimensions) => Enumerable.Repeat(0.5, dimensions).ToArray();
}
