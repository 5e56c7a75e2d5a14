using System.Diagnostics;
using System.Globalization;
using AeSweep.Benchmarks.Search;
using AeSweep.Core.Search.Pruners;

// The search benchmark: quality against Optuna, TPE ask latency, and pruning savings. Run through
// scripts/bench-search.sh; `--help` lists the options.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.WriteLine("usage: AeSweep.Benchmarks.Search [--seeds 20] [--trials 100] [--checkpoints 30,60,100] [--only quality,latency,pruning]");
    Console.WriteLine("       [--samplers random,grid,tpe (also tpe-mv, tpe-mvg, tpe-normalized, auto, quasi-random)] [--functions branin,hartmann6,rosenbrock4_log,mixed,conditional_opt]");
    Console.WriteLine("       [--optuna-script ../shared/reference/optuna_functions.py | --optuna-results FILE[,FILE] | --no-optuna]");
    return 2;
}

var total = Stopwatch.StartNew();
OptunaReference? optuna = null;
var sections = options.Only;

if (sections.Contains("quality"))
{
    Console.WriteLine($"== Quality: best value after n trials, median [q1, q3] over {options.Seeds} seeds (minimisation)");
    Console.WriteLine($"{"function",-16} {"sampler",-16}" + string.Concat(options.Checkpoints.Select(c => $" {"@" + c,-30}")));
    var ours = new Dictionary<(string, string), Dictionary<int, Quartiles>>();
    foreach (var function in TestFunctions.All.Where(f => options.Functions is null || options.Functions.Contains(f.Name)))
    {
        foreach (var sampler in options.Samplers.Where(s => s != "grid" || function.GridSpace is not null))
        {
            var sw = Stopwatch.StartNew();
            var result = QualityBenchmark.Run(function, sampler, options.Seeds, options.Trials, options.Checkpoints);
            ours[(function.Name, sampler)] = result;
            Console.WriteLine($"{function.Name,-16} {sampler + " (ours)",-16}" + string.Concat(options.Checkpoints.Select(c => $" {Format(result[c]),-30}")) + $" {sw.Elapsed.TotalSeconds:F1}s");
        }
    }

    var extra = new Dictionary<string, Dictionary<int, Quartiles>>();
    if (options.ExtraSeeds > 0 && options.Samplers.Contains("tpe"))
    {
        foreach (var function in TestFunctions.All.Where(f => options.Functions is null || options.Functions.Contains(f.Name)))
        {
            extra[function.Name] = QualityBenchmark.Run(function, "tpe", options.ExtraSeeds, options.Trials, options.Checkpoints);
            Console.WriteLine($"{function.Name,-16} {$"tpe ({options.ExtraSeeds} seeds)",-16}" + string.Concat(options.Checkpoints.Select(c => $" {Format(extra[function.Name][c]),-30}")));
        }
    }

    optuna = LoadOptuna(options, quality: true);
    if (optuna is not null)
    {
        foreach (var function in TestFunctions.All)
        {
            foreach (var sampler in new[] { "random", "tpe" })
            {
                if (optuna.Quality.TryGetValue((function.Name, sampler), out var r))
                {
                    Console.WriteLine($"{function.Name,-16} {sampler + " (optuna)",-16}" + string.Concat(options.Checkpoints.Select(c => $" {(r.TryGetValue(c, out var q) ? Format(q) : "-"),-30}")));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== TPE ours vs Optuna {optuna.Version} TPE: median best value, and the ratio of median regrets (median best − known minimum); ratio ≤ 1: ours at least as good");
        Console.WriteLine($"{"function",-16} {"trials",6} {"ours",12} {"optuna",12} {"regret ratio",13}  {"target (ours ≤ optuna)",-24} {$"ours, {options.ExtraSeeds} seeds",16}");
        foreach (var function in TestFunctions.All)
        {
            foreach (var c in options.Checkpoints.Where(c => c >= 60))
            {
                if (!optuna.Quality.TryGetValue((function.Name, "tpe"), out var theirs) || !theirs.TryGetValue(c, out var t))
                {
                    continue;
                }

                var o = ours[(function.Name, "tpe")][c];
                var ratio = (o.Median - function.KnownMinimum) / (t.Median - function.KnownMinimum);
                var verdict = o.Median <= t.Median ? "met" : $"missed: +{(o.Median - t.Median) / Math.Abs(t.Median):P1} value";
                var wide = extra.TryGetValue(function.Name, out var e) ? $"{e[c].Median,16:G5}" : string.Empty;
                Console.WriteLine($"{function.Name,-16} {c,6} {o.Median,12:G5} {t.Median,12:G5} {ratio,13:F3}  {verdict,-24} {wide}");
            }
        }
    }

    Console.WriteLine();
}

if (sections.Contains("latency"))
{
    Console.WriteLine("== TPE ask latency on Hartmann-6 (ms): 20 asks after n completed trials (p50, max), as the reference script measures Optuna; ours also over 200 asks on one fixed history (p50, p99)");
    var results = new[] { 100, 1000 }.Select(LatencyBenchmark.Run).ToList();
    if (File.Exists("/proc/loadavg"))
    {
        // Timings on a shared machine mean little without the load they were taken under.
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1 min)");
    }

    optuna ??= LoadOptuna(options, quality: false);
    Console.WriteLine($"{"completed",10} {"ours p50",10} {"ours max",10} {"ours p50*",10} {"ours p99*",10} {"optuna p50",11} {"optuna max",11} {"speed-up",9}");
    foreach (var r in results)
    {
        var has = optuna?.Latency.TryGetValue(r.CompletedTrials, out var theirs) == true;
        var their = has ? optuna!.Latency[r.CompletedTrials] : (P50: double.NaN, Max: double.NaN);
        Console.WriteLine($"{r.CompletedTrials,10} {r.P50,10:F3} {r.Max,10:F3} {r.FixedP50,10:F3} {r.FixedP99,10:F3} {their.P50,11:F3} {their.Max,11:F3} {their.P50 / r.P50,8:F1}x");
    }

    var at1000 = results.Single(r => r.CompletedTrials == 1000);
    Console.WriteLine($"target p50 ≤ 2 ms at 1000 trials: {(at1000.P50 <= 2 ? "met" : "missed")}" +
        (optuna?.Latency.ContainsKey(1000) == true ? $"; faster than Optuna: {(at1000.P50 < optuna.Latency[1000].P50 ? "met" : "missed")}" : string.Empty));
    Console.WriteLine();
}

if (sections.Contains("pruning"))
{
    Console.WriteLine($"== Pruning on generated learning curves: {PruningBenchmark.Trials} trials × {PruningBenchmark.Epochs} epochs, {PruningBenchmark.Parallel} in parallel, {options.Seeds} seeds");
    Console.WriteLine($"{"pruner",-34} {"epochs saved",13} {"true best survives",19} {"median regret",14}");
    var pruners = new (string, Func<IPruner>)[]
    {
        ("none", () => NopPruner.Instance),
        ("median (startup 5, warmup 2)", () => new MedianPruner(5, 2)),
        ("asha (min 1, eta 3)", () => new SuccessiveHalvingPruner(1, 3)),
        ("asha (min 3, eta 3)", () => new SuccessiveHalvingPruner(3, 3)),
        ("hyperband (min 1, max 27, eta 3)", () => new HyperbandPruner(1, 27, 3)),
    };
    foreach (var (name, factory) in pruners)
    {
        var r = PruningBenchmark.Run(name, factory, options.Seeds);
        Console.WriteLine($"{r.Pruner,-34} {r.EpochsSaved,12:P1} {$"{r.BestSurvived}/{r.Seeds}",19} {r.MedianRegret,13:P2}");
    }

    Console.WriteLine();
}

Console.WriteLine($"total {total.Elapsed.TotalSeconds:F0}s");
return 0;

static string Format(Quartiles q) => $"{q.Median:G5} [{q.Q1:G4}, {q.Q3:G4}]";

static OptunaReference? LoadOptuna(BenchmarkOptions options, bool quality)
{
    if (options.NoOptuna)
    {
        return null;
    }

    if (options.OptunaResults is { } files)
    {
        return OptunaReference.FromFiles(files);
    }

    var checkpoints = string.Join(',', options.Checkpoints);
    var runs = new List<string[]>();
    runs.Add(quality
        ? ["--seeds", $"{options.Seeds}", "--trials", $"{options.Trials}", "--checkpoints", checkpoints, "--latency-trials", "1020"]
        : ["--seeds", "1", "--trials", "1", "--checkpoints", "1", "--functions", "branin", "--latency-trials", "1020"]);
    runs.Add(["--seeds", "1", "--trials", "1", "--checkpoints", "1", "--functions", "branin", "--latency-trials", "120"]);
    return OptunaReference.Run(options.OptunaScript, runs);
}
