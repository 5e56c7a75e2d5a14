using AeSweep.Core.Definitions;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Search;

/// <summary>Best value after each checkpoint, over seeds, for one sampler on one function.</summary>
internal static class QualityBenchmark
{
    public static Dictionary<int, Quartiles> Run(TestFunction function, string sampler, int seeds, int trials, IReadOnlyList<int> checkpoints)
    {
        var best = checkpoints.ToDictionary(c => c, _ => new List<double>());
        for (var seed = 0; seed < seeds; seed++)
        {
            ISampler s = sampler switch
            {
                "tpe" => new TpeSampler(seed),
                // Multivariate with the group decomposition, as Optuna's TPESampler(multivariate=True, group=True) in
                // optuna_samplers.py (the group only matters on conditional spaces).
                "tpe-mv" or "tpe-mvg" => new TpeSampler(seed, new TpeOptions { Multivariate = true, Group = true }),
                "tpe-normalized" => new TpeSampler(seed, new TpeOptions { NormalizedKernels = true }),
                "gp" => new GpSampler(seed),
                // What `method: auto` builds for this space and a budget of `trials`.
                "auto" => SamplerFactory.Create(SearchMethod.Auto, function.Space, seed, trials),
                "quasi-random" => new QuasiRandomSampler(seed),
                "random" => new RandomSampler(seed),
                "grid" => new GridSampler(function.GridSpace!, shuffleSeed: seed),
                _ => throw new ArgumentException(sampler),
            };
            var space = sampler == "grid" ? function.GridSpace! : function.Space;
            var study = new Study(space, s, NopPruner.Instance, MetricGoal.Minimize);
            var values = new List<double>(trials);
            for (var t = 0; t < trials && study.TryAsk(out var suggestion); t++)
            {
                var value = function.Evaluate(suggestion.Parameters);
                study.Tell(suggestion.Number, value);
                values.Add(value);
            }

            foreach (var c in checkpoints)
            {
                best[c].Add(values.Take(c).Min());
            }
        }

        return best.ToDictionary(kv => kv.Key, kv => Quartiles.Of(kv.Value));
    }
}
