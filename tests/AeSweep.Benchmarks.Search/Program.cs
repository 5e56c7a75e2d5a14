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
    Console.WriteLine("usage: AeSweep.Benchmarks.Search [--seeds 20] [--trials 100] [--checkpoints 30,60,100] [--only quality,latency,pruning] [--compare auto]");
    Console.WriteLine("       [--samplers random,grid,tpe (also tpe-mv, tpe-normalized, gp, auto, quasi-random)] [--functions branin,hartmann6,rosenbrock4_log,mixed,ackley5_shifted,ae_conditional,conditional_opt]");
    Console.WriteLine("       [--optuna-script ../shared/reference/optuna_functions.py] [--optuna-samplers tpe,tpe-mv,cmaes] [--optuna-results FILE[,FILE] | --no-optuna]");
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
        foreach (var function in TestFunctions.All.Where(f => options.Functions is null || options.Functions.Contains(f.Name)))
        {
            foreach (var sampler in options.OptunaSamplers.Append("random").Distinct())
            {
                if (optuna.Quality.TryGetValue((function.Name, sampler), out var r))
                {
                    Console.WriteLine($"{function.Name,-16} {sampler + " (optuna)",-16}" + string.Concat(options.Checkpoints.Select(c => $" {(r.TryGetValue(c, out var q) ? Format(q) : "-"),-30}")));
                }
            }
        }

        Console.WriteLine();
        QualityReport.CompareWithBest(options, ours, optuna);
        Console.WriteLine();
        QualityReport.CompareLikeWithLike(options, ours, optuna, extra);
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
    Console.WriteLine("== GP ask latency on Hartmann-6 (ms): 20 asks on a fixed history of n finished trials (p50, max); targets ≤ 50 ms at 200, ≤ 1,000 ms at 1,000");
    foreach (var (n, p50, max) in new[] { 200, 1000 }.Select(LatencyBenchmark.RunGp))
    {
        var limit = n <= 200 ? 50 : 1000;
        Console.WriteLine($"{n,10} {p50,10:F1} {max,10:F1}  {(p50 <= limit ? "met" : "missed")}");
    }

    Console.WriteLine();
}

if (sections.Contains("pruning"))
{
    PruningBenchmark.Report(options.Seeds);
    ModelBasedPruningBenchmark.Report(options.Seeds);
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
    var runs = new List<(string, string[])>();
    if (quality)
    {
        // Every function and sampler from our side-by-side script (it imports the shared reference's four functions).
        string[] args = ["--reference", options.OptunaScript, "--seeds", $"{options.Seeds}", "--trials", $"{options.Trials}", "--checkpoints", checkpoints,
            "--samplers", string.Join(',', options.OptunaSamplers.Append("random").Distinct())];
        runs.Add((options.OptunaSamplersScript, options.Functions is { } f ? [.. args, "--functions", string.Join(',', f)] : args));
    }

    // Latency as the shared reference measures it (its one-trial quality line is skipped).
    runs.Add((options.OptunaScript, ["--seeds", "1", "--trials", "1", "--checkpoints", "1", "--functions", "branin", "--latency-trials", "1020"]));
    runs.Add((options.OptunaScript, ["--seeds", "1", "--trials", "1", "--checkpoints", "1", "--functions", "branin", "--latency-trials", "120"]));
    return OptunaReference.Run(runs);
}
