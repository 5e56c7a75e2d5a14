using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Search;

/// <summary>
/// Pruners on generated learning curves. Each trial's validation loss after epoch t is
/// <c>a + (b − a)·exp(−t/τ) + ε</c>: a per-trial asymptote a ~ 0.02·LogNormal(0, 0.5), a start b = a + U(0.2, 0.6),
/// a time constant τ ~ U(1, 6) epochs, and Gaussian noise ε with σ = 2% of the asymptote. One trial in five is a
/// "slow starter" (τ ~ U(8, 16), asymptote × 0.7): worse early, often better late — the curves cross, which is
/// what makes early stopping risky. 81 trials of 27 epochs each, four running at a time (interleaved epoch by
/// epoch, so ASHA must promote asynchronously), 20 seeds. Reported: the share of epochs saved against no pruning,
/// how often the truly best trial (lowest noiseless loss at epoch 27) runs to the end, and the median relative
/// regret of the best completed trial.
/// </summary>
internal static class PruningBenchmark
{
    public const int Trials = 81;
    public const int Epochs = 27;
    public const int Parallel = 4;

    /// <summary>The noise's standard deviation as a share of the asymptote, unless a run says otherwise.</summary>
    public const double Noise = 0.02;

    public sealed record Result(string Pruner, double EpochsSaved, int BestSurvived, int Seeds, double MedianRegret);

    /// <summary>The pruners compared, with the settings a user would write for 27 epochs.</summary>
    public static IEnumerable<(string Name, Func<IPruner> Create)> Pruners() =>
    [
        ("none", () => NopPruner.Instance),
        ("median (startup 5, warmup 2)", () => new MedianPruner(5, 2)),
        ("asha (min 1, eta 3)", () => new SuccessiveHalvingPruner(1, 3)),
        ("asha (min 3, eta 3)", () => new SuccessiveHalvingPruner(3, 3)),
        ("hyperband (min 1, max 27, eta 3)", () => new HyperbandPruner(1, Epochs, 3)),
        ("pasha (min 1, eta 3)", () => new PashaPruner(1, 3, Epochs)),
        ("pasha (min 3, eta 3)", () => new PashaPruner(3, 3, Epochs)),
        ("asha (min 7, eta 2)", () => new SuccessiveHalvingPruner(7, 2)),
        ("asha (min 8, eta 2)", () => new SuccessiveHalvingPruner(8, 2)),
        ("median (startup 5, warmup 10)", () => new MedianPruner(5, 10)),
        ("pasha (min 9, eta 2)", () => new PashaPruner(9, 2, Epochs)),
        ("asha+extrapolate (min 1, eta 3)", () => new SuccessiveHalvingPruner(1, 3, forecastHorizon: Epochs)),
        ("asha+extrapolate (min 4, eta 3)", () => new SuccessiveHalvingPruner(4, 3, forecastHorizon: Epochs)),
        ("asha+extrapolate (min 4, eta 2)", () => new SuccessiveHalvingPruner(4, 2, forecastHorizon: Epochs)),
        ("asha+extrapolate (min 6, eta 2)", () => new SuccessiveHalvingPruner(6, 2, forecastHorizon: Epochs)),
        ("hyperband+extrapolate (min 4, eta 3)", () => new HyperbandPruner(4, Epochs, 3, extrapolate: true)),
    ];

    /// <summary>How the generated curves fall.</summary>
    public enum CurveShape
    {
        /// <summary><c>a + (b − a)·exp(−t/τ)</c>: the generator the target is judged on.</summary>
        Exponential,

        /// <summary><c>a + (b − a)·(1 + t/τ)^(−c)</c>: heavy tails, a family the forecast does not contain exactly.</summary>
        PowerLaw,
    }

    public static void Report(int seeds)
    {
        Report(seeds, CurveShape.Exponential, $"== Pruning on generated learning curves: {Trials} trials × {Epochs} epochs, {Parallel} in parallel, {seeds} seeds");
        Report(seeds, CurveShape.PowerLaw, "== The same on power-law curves a + (b − a)·(1 + t/τ)^(−c), c ~ U(1.5, 2.5), τ ~ U(0.5, 2), slow starters τ ~ U(4, 8) with asymptote × 0.5");
        ReportNoise(seeds);
        ReportJudgingTime();
    }

    // Extrapolation reads the curve's bend from a few points, so noise is its enemy: the same curves with the noise
    // raised (the same random streams, so only the noise's scale differs).
    private static void ReportNoise(int seeds)
    {
        string[] compared = ["asha (min 8, eta 2)", "asha+extrapolate (min 4, eta 3)", "asha+extrapolate (min 4, eta 2)", "asha+extrapolate (min 6, eta 2)"];
        double[] noises = [0.02, 0.05, 0.1, 0.2];
        Console.WriteLine($"== Noise: epochs used / true best survives, noise σ as a share of the asymptote, {seeds} seeds");
        Console.WriteLine($"{"curves",-12} {"pruner",-34} {string.Join(" ", noises.Select(n => $"{$"σ = {n:P0}",15}"))}");
        foreach (var shape in new[] { CurveShape.Exponential, CurveShape.PowerLaw })
        {
            foreach (var (name, factory) in Pruners().Where(p => compared.Contains(p.Name)))
            {
                var cells = noises.Select(n => Run(name, factory, seeds, shape, n)).Select(r => $"{$"{1 - r.EpochsSaved:P1} {r.BestSurvived,2}/{r.Seeds}",15}");
                Console.WriteLine($"{(shape == CurveShape.Exponential ? "exponential" : "power law"),-12} {name,-34} {string.Join(" ", cells)}");
            }
        }

        Console.WriteLine();
    }

    // What extrapolation costs per report: a study of 500 trials with 4–27 epochs each, a trial arriving at the rung
    // of epoch 4 (η = 3: competitors are every trial past epoch 4). Cold: a fresh pruner fits every competitor;
    // warm: only the arriving snapshot is new, as in a running study where each report replaces one snapshot.
    private static void ReportJudgingTime()
    {
        var random = new Random(3);
        var trials = Enumerable.Range(0, 500).Select(i => Snapshot(i, 4 + random.Next(24), random)).ToList();
        var warm = new SuccessiveHalvingPruner(4, 3, forecastHorizon: Epochs);
        var arriving = Enumerable.Range(500, 200).Select(i => Snapshot(i, 4, random)).ToList();
        PruningContext ContextOf(FrozenTrial t) => new(MetricGoal.Minimize, [.. trials, t], t);
        warm.ShouldPrune(ContextOf(arriving[0]));
        var cold = System.Diagnostics.Stopwatch.StartNew();
        new SuccessiveHalvingPruner(4, 3, forecastHorizon: Epochs).ShouldPrune(ContextOf(arriving[1]));
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        foreach (var t in arriving)
        {
            var context = ContextOf(t);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            warm.ShouldPrune(context);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"asha+extrapolate judging a report at a rung, 500 trials: p50 {times[times.Count / 2]:F3} ms, max {times[^1]:F3} ms (fits cached); {coldMs:F1} ms with every competitor fitted afresh");
        Console.WriteLine();
    }

    private static FrozenTrial Snapshot(int number, int epochs, Random random)
    {
        var a = 0.02 * Math.Exp(0.5 * Gaussian(random));
        var tau = 1 + (10 * random.NextDouble());
        return new FrozenTrial
        {
            Number = number,
            State = TrialState.Running,
            Parameters = ImmutableDictionary<string, ParameterValue>.Empty,
            IntermediateValues = Enumerable.Range(1, epochs).ToImmutableSortedDictionary(t => t, t => a + (0.4 * Math.Exp(-t / tau)) + (Noise * a * Gaussian(random))),
        };
    }

    private static void Report(int seeds, CurveShape shape, string title)
    {
        Console.WriteLine(title);
        Console.WriteLine($"{"pruner",-38} {"epochs used",12} {"true best survives",19} {"median regret",14}");
        foreach (var (name, factory) in Pruners())
        {
            var r = Run(name, factory, seeds, shape);
            Console.WriteLine($"{r.Pruner,-38} {1 - r.EpochsSaved,11:P1} {$"{r.BestSurvived}/{r.Seeds}",19} {r.MedianRegret,13:P2}");
        }

        Console.WriteLine();
    }

    public static Result Run(string name, Func<IPruner> pruner, int seeds, CurveShape shape = CurveShape.Exponential, double noise = Noise)
    {
        var saved = new List<double>();
        var regrets = new List<double>();
        var survived = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var curves = shape == CurveShape.Exponential ? Curves(seed, noise) : PowerLawCurves(seed, noise);
            var study = new Study(SearchSpace.Empty, new RandomSampler(seed), pruner(), MetricGoal.Minimize);
            var epochs = Simulate(study, s => curves[s.Number].Observed);
            saved.Add(1 - (epochs / (double)(Trials * Epochs)));
            var trueBest = Enumerable.Range(0, Trials).MinBy(i => curves[i].TrueFinal);
            if (study.GetTrial(trueBest).State == TrialState.Completed)
            {
                survived++;
            }

            var bestFound = study.Trials.Where(t => t.State == TrialState.Completed).Min(t => curves[t.Number].TrueFinal);
            regrets.Add((bestFound - curves[trueBest].TrueFinal) / curves[trueBest].TrueFinal);
        }

        return new Result(name, Quartiles.Of(saved).Median, survived, seeds, Quartiles.Of(regrets).Median);
    }

    /// <summary>
    /// Runs <see cref="Trials"/> trials, <see cref="Parallel"/> at a time and interleaved epoch by epoch, each
    /// reporting the curve <paramref name="curveOf"/> gives it when asked; returns the epochs trained.
    /// </summary>
    public static int Simulate(Study study, Func<TrialSuggestion, double[]> curveOf)
    {
        var running = new List<(int Number, double[] Curve, int Epoch)>();
        var asked = 0;
        var epochs = 0;
        while (asked < Trials || running.Count > 0)
        {
            while (running.Count < Parallel && asked < Trials)
            {
                var suggestion = study.Ask();
                running.Add((suggestion.Number, curveOf(suggestion), 0));
                asked++;
            }

            for (var k = 0; k < running.Count; k++)
            {
                var (number, curve, epoch) = running[k];
                epoch++;
                epochs++;
                var value = curve[epoch - 1];
                if (study.Report(number, epoch, value) == TrialDecision.Prune)
                {
                    study.Tell(number, TrialState.Pruned);
                    running.RemoveAt(k--);
                }
                else if (epoch == Epochs)
                {
                    study.Tell(number, value);
                    running.RemoveAt(k--);
                }
                else
                {
                    running[k] = (number, curve, epoch);
                }
            }
        }

        return epochs;
    }

    private static (double[] Observed, double TrueFinal)[] Curves(int seed, double noise)
    {
        var random = new Random(1000 + seed);
        var curves = new (double[], double)[Trials];
        for (var i = 0; i < Trials; i++)
        {
            var slow = random.NextDouble() < 0.2;
            var a = 0.02 * Math.Exp(0.5 * Gaussian(random)) * (slow ? 0.7 : 1.0);
            var b = a + 0.2 + (0.4 * random.NextDouble());
            var tau = slow ? 8 + (8 * random.NextDouble()) : 1 + (5 * random.NextDouble());
            var observed = new double[Epochs];
            for (var t = 1; t <= Epochs; t++)
            {
                observed[t - 1] = a + ((b - a) * Math.Exp(-t / tau)) + (noise * a * Gaussian(random));
            }

            curves[i] = (observed, a + ((b - a) * Math.Exp(-Epochs / tau)));
        }

        return curves;
    }

    // Same counts and noise as Curves, a separate stream (so the exponential rows stay as they were).
    private static (double[] Observed, double TrueFinal)[] PowerLawCurves(int seed, double noise)
    {
        var random = new Random(5000 + seed);
        var curves = new (double[], double)[Trials];
        for (var i = 0; i < Trials; i++)
        {
            var slow = random.NextDouble() < 0.2;
            var a = 0.02 * Math.Exp(0.5 * Gaussian(random)) * (slow ? 0.5 : 1.0);
            var b = a + 0.2 + (0.4 * random.NextDouble());
            var c = 1.5 + random.NextDouble();
            var tau = slow ? 4 + (4 * random.NextDouble()) : 0.5 + (1.5 * random.NextDouble());
            var observed = new double[Epochs];
            for (var t = 1; t <= Epochs; t++)
            {
                observed[t - 1] = a + ((b - a) * Math.Pow(1 + (t / tau), -c)) + (noise * a * Gaussian(random));
            }

            curves[i] = (observed, a + ((b - a) * Math.Pow(1 + (Epochs / tau), -c)));
        }

        return curves;
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
