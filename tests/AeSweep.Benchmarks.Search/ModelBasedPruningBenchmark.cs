using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Search;

/// <summary>
/// Pruners with a sampler in the loop: the learning curve now follows from the sampled hyperparameters, so a sampler
/// can learn where good trials are — also from pruned ones. Validation loss after epoch t is
/// <c>a + (b − a)·exp(−t/τ) + ε</c> as in <see cref="PruningBenchmark"/>, but the learning rate sets both the speed
/// and the end point: τ = 1 + 5·(−1 − log10 lr) epochs (lr 0.1: τ = 1; lr 1e-4: τ = 16), and the asymptote is best
/// at lr ≈ 3e-3, a = 0.02·exp(½((log10 lr + 2.5)/0.75)²), times a width term (best at 256) and a dropout term (best
/// at 0.1). The start b = a + U(0.3, 0.5) and the noise ε ~ N(0, (0.02a)²) come from the trial's own stream. Large
/// learning rates look best early and lose late — the crossing of the sampler-free benchmark, now tied to a
/// parameter, which is how it happens in practice. 81 trials × 27 epochs, 4 in parallel, 20 seeds.
/// Reported per sampler and pruner: epochs used (share of no pruning with the same sampler), how often the best
/// trial of the run (lowest noiseless loss at epoch 27 among the trials it asked) ran to the end, and the median
/// over seeds of the best completed trial's noiseless final loss, with its regret against the best loss any
/// configuration can reach (b − a at its smallest).
/// </summary>
internal static class ModelBasedPruningBenchmark
{
    private static readonly SearchSpace Space = new(
    [
        new("learning_rate", new FloatDistribution(1e-4, 1e-1, log: true)),
        new("width", new IntDistribution(16, 1024, log: true)),
        new("dropout", new FloatDistribution(0, 0.5)),
    ]);

    private static readonly string[] ComparedPruners =
        ["none", "median (startup 5, warmup 2)", "asha (min 1, eta 3)", "hyperband (min 1, max 27, eta 3)", "pasha (min 1, eta 3)", "asha (min 8, eta 2)",
            "asha+extrapolate (min 4, eta 3)", "asha+extrapolate (min 4, eta 2)", "hyperband+extrapolate (min 4, eta 3)"];

    public static void Report(int seeds)
    {
        Report(seeds, crossing: true);
        Report(seeds, crossing: false);
    }

    private static void Report(int seeds, bool crossing)
    {
        var optimum = Optimum(crossing);
        Console.WriteLine(crossing
            ? $"== Pruning with a sampler in the loop, curves crossing with the learning rate (τ = 1 + 5·(−1 − log10 lr)): {PruningBenchmark.Trials} trials × {PruningBenchmark.Epochs} epochs, {PruningBenchmark.Parallel} in parallel, {seeds} seeds"
            : $"== The same, the speed independent of the parameters (τ ~ U(1, 6) per trial)");
        Console.WriteLine($"{"sampler",-24} {"pruner",-36} {"epochs used",12} {"true best survives",19} {"median best final",18} {"regret",8}");
        var samplers = new (string, Func<int, ISampler>)[]
        {
            ("random", seed => new RandomSampler(seed)),
            ("tpe, Optuna's ranking", seed => new TpeSampler(seed, TpeOptions.Default with { LearnFromPrunedTrials = false })),
            ("tpe, learns from pruned", seed => new TpeSampler(seed, TpeOptions.Default with { LearnFromPrunedTrials = true })),
        };
        foreach (var (samplerName, sampler) in samplers)
        {
            double? full = null;
            foreach (var (prunerName, pruner) in PruningBenchmark.Pruners().Where(p => ComparedPruners.Contains(p.Name)))
            {
                var epochs = new List<double>();
                var finals = new List<double>();
                var survived = 0;
                for (var seed = 0; seed < seeds; seed++)
                {
                    var study = new Study(Space, sampler(seed), pruner(), MetricGoal.Minimize);
                    var curves = new Dictionary<int, (double[] Observed, double TrueFinal)>();
                    epochs.Add(PruningBenchmark.Simulate(study, s => (curves[s.Number] = Curve(seed, s, crossing)).Observed));
                    var trueBest = curves.MinBy(c => c.Value.TrueFinal).Key;
                    survived += study.GetTrial(trueBest).State == TrialState.Completed ? 1 : 0;
                    finals.Add(study.Trials.Where(t => t.State == TrialState.Completed).Min(t => curves[t.Number].TrueFinal));
                }

                full ??= epochs.Sum();
                var best = Quartiles.Of(finals).Median;
                Console.WriteLine($"{samplerName,-24} {prunerName,-36} {epochs.Sum() / full.Value,11:P1} {$"{survived}/{seeds}",19} {best,18:F5} {(best / optimum) - 1,7:P1}");
            }
        }

        Console.WriteLine($"best reachable final loss: {optimum:F5}");
        Console.WriteLine();
    }

    private static (double[] Observed, double TrueFinal) Curve(int seed, TrialSuggestion trial, bool crossing)
    {
        var random = new Random(unchecked((100_003 * seed) + (7_919 * trial.Number) + 17));
        var (a, tau) = Shape(trial.Parameters["learning_rate"].AsDouble(), trial.Parameters["width"].AsDouble(), trial.Parameters["dropout"].AsDouble());
        var ownSpeed = 1 + (5 * random.NextDouble());
        tau = crossing ? tau : ownSpeed;
        var b = a + 0.3 + (0.2 * random.NextDouble());
        var observed = new double[PruningBenchmark.Epochs];
        for (var t = 1; t <= observed.Length; t++)
        {
            observed[t - 1] = a + ((b - a) * Math.Exp(-t / tau)) + (0.02 * a * PruningBenchmark.Gaussian(random));
        }

        return (observed, a + ((b - a) * Math.Exp(-PruningBenchmark.Epochs / tau)));
    }

    private static (double A, double Tau) Shape(double learningRate, double width, double dropout)
    {
        var u = Math.Log10(learningRate);
        var tau = 1 + (5 * (-1 - u));
        var a = 0.02 * Math.Exp(0.5 * Math.Pow((u + 2.5) / 0.75, 2));
        a *= 1 + (0.15 * Math.Pow(Math.Log2(width) - 8, 2) / 4);
        a *= 1 + (2 * Math.Pow(dropout - 0.1, 2));
        return (a, tau);
    }

    // The best noiseless final loss of any configuration (width 256, dropout 0.1, the smallest start and, where the
    // speed is the trial's own, the fastest), on a fine lr grid.
    private static double Optimum(bool crossing) => Enumerable.Range(0, 30_001)
        .Select(i => Math.Pow(10, -4 + (3.0 * i / 30_000)))
        .Min(lr =>
        {
            var (a, tau) = Shape(lr, 256, 0.1);
            return a + (0.3 * Math.Exp(-PruningBenchmark.Epochs / (crossing ? tau : 1)));
        });
}
