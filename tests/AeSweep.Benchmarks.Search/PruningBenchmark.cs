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

    public sealed record Result(string Pruner, double EpochsSaved, int BestSurvived, int Seeds, double MedianRegret);

    public static Result Run(string name, Func<IPruner> pruner, int seeds)
    {
        var saved = new List<double>();
        var regrets = new List<double>();
        var survived = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var curves = Curves(seed);
            var study = new Study(SearchSpace.Empty, new RandomSampler(seed), pruner(), MetricGoal.Minimize);
            var running = new List<(int Number, int Epoch)>();
            var asked = 0;
            var epochs = 0;
            while (asked < Trials || running.Count > 0)
            {
                while (running.Count < Parallel && asked < Trials)
                {
                    running.Add((study.Ask().Number, 0));
                    asked++;
                }

                for (var k = 0; k < running.Count; k++)
                {
                    var (number, epoch) = running[k];
                    epoch++;
                    epochs++;
                    var value = curves[number].Observed[epoch - 1];
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
                        running[k] = (number, epoch);
                    }
                }
            }

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

    private static (double[] Observed, double TrueFinal)[] Curves(int seed)
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
                observed[t - 1] = a + ((b - a) * Math.Exp(-t / tau)) + (0.02 * a * Gaussian(random));
            }

            curves[i] = (observed, a + ((b - a) * Math.Exp(-Epochs / tau)));
        }

        return curves;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
