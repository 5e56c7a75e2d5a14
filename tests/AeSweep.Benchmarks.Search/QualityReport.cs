namespace AeSweep.Benchmarks.Search;

/// <summary>The quality tables that hold our samplers against Optuna's, cell by cell (function × trials).</summary>
internal static class QualityReport
{
    /// <summary>
    /// Issue 12's target table: our <see cref="BenchmarkOptions.Compare"/> sampler's median best against the best median of
    /// Optuna's model samplers (TPE, multivariate TPE, CMA-ES) in every cell. The regret ratio divides median regrets
    /// (median best − known minimum); ≤ 1 means ours is at least as good.
    /// </summary>
    public static void CompareWithBest(BenchmarkOptions options, IReadOnlyDictionary<(string, string), Dictionary<int, Quartiles>> ours, OptunaReference optuna)
    {
        var mine = options.Compare;
        Console.WriteLine($"== {mine} (ours) vs the best of Optuna {optuna.Version}'s {string.Join(" / ", options.OptunaSamplers)} per cell: median best value and the ratio of median regrets; ratio ≤ 1: ours at least as good");
        Console.WriteLine($"{"function",-16} {"trials",6} {"ours",12} {"optuna best",12} {"(sampler)",-10} {"regret ratio",13}  {"target (ours ≤ best)",-28}");
        var met = 0;
        var cells = 0;
        foreach (var function in TestFunctions.All)
        {
            if (!ours.TryGetValue((function.Name, mine), out var our))
            {
                continue;
            }

            foreach (var c in options.Checkpoints)
            {
                var theirs = options.OptunaSamplers
                    .Select(s => (Sampler: s, Found: optuna.Quality.TryGetValue((function.Name, s), out var r) && r.ContainsKey(c), Result: r))
                    .Where(x => x.Found)
                    .Select(x => (x.Sampler, x.Result![c].Median))
                    .OrderBy(x => x.Median)
                    .ToList();
                if (theirs.Count == 0 || !our.TryGetValue(c, out var o))
                {
                    continue;
                }

                var (sampler, best) = theirs[0];
                var ratio = (o.Median - function.KnownMinimum) / (best - function.KnownMinimum);
                var ok = o.Median <= best;
                cells++;
                met += ok ? 1 : 0;
                var verdict = ok ? "met" : $"missed: +{(o.Median - best) / Math.Abs(best):P1} value";
                Console.WriteLine($"{function.Name,-16} {c,6} {o.Median,12:G5} {best,12:G5} {sampler,-10} {ratio,13:F3}  {verdict,-28}");
            }
        }

        Console.WriteLine($"{mine}: met in {met} of {cells} cells");
    }

    /// <summary>Our TPE variants against the same variants of Optuna (tpe against tpe, tpe-mv against tpe-mv).</summary>
    public static void CompareLikeWithLike(
        BenchmarkOptions options,
        IReadOnlyDictionary<(string, string), Dictionary<int, Quartiles>> ours,
        OptunaReference optuna,
        IReadOnlyDictionary<string, Dictionary<int, Quartiles>> extra)
    {
        Console.WriteLine($"== Like with like: our TPE variants vs Optuna {optuna.Version}'s, median best value and the ratio of median regrets");
        Console.WriteLine($"{"function",-16} {"sampler",-8} {"trials",6} {"ours",12} {"optuna",12} {"regret ratio",13}  {"ours ≤ optuna",-24} {$"ours, {options.ExtraSeeds} seeds",16}");
        foreach (var sampler in new[] { "tpe", "tpe-mv" })
        {
            foreach (var function in TestFunctions.All)
            {
                foreach (var c in options.Checkpoints.Where(c => c >= 60))
                {
                    if (!optuna.Quality.TryGetValue((function.Name, sampler), out var theirs) || !theirs.TryGetValue(c, out var t) ||
                        !ours.TryGetValue((function.Name, sampler), out var mine))
                    {
                        continue;
                    }

                    var o = mine[c];
                    var ratio = (o.Median - function.KnownMinimum) / (t.Median - function.KnownMinimum);
                    var verdict = o.Median <= t.Median ? "met" : $"missed: +{(o.Median - t.Median) / Math.Abs(t.Median):P1} value";
                    var wide = sampler == "tpe" && extra.TryGetValue(function.Name, out var e) ? $"{e[c].Median,16:G5}" : string.Empty;
                    Console.WriteLine($"{function.Name,-16} {sampler,-8} {c,6} {o.Median,12:G5} {t.Median,12:G5} {ratio,13:F3}  {verdict,-24} {wide}");
                }
            }
        }
    }
}
