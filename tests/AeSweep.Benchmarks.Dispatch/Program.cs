using System.Diagnostics;
using System.Globalization;
using AeSweep.Benchmarks.Dispatch;

// Dispatch throughput and latency with a no-op trainer (issue 5, benchmark a): see docs/benchmarks/dispatch.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var root = FindRoot();
BenchmarkOptions? options;
try
{
    options = BenchmarkOptions.Parse(args, root);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options is null)
{
    return 0;
}

if (!File.Exists(options.Executable))
{
    Console.Error.WriteLine($"{options.Executable} not found: build src/AeSweep.Cli in Release first (scripts/bench-dispatch.sh does)");
    return 1;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

Console.WriteLine($"### AeSweep dispatch benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, no-op workers (1 slot each), " +
    $"{options.Trials} trials per run, load average at start {LoadAverage()}");
Console.WriteLine();
if (options.StoreProfileTrials > 0)
{
    foreach (var mode in options.Modes)
    {
        await StoreProfile.RunAsync(mode, options.PostgresConnection, options.StoreProfileTrials, cancel.Token);
    }
}

var rows = new List<string>();
var total = Stopwatch.StartNew();
foreach (var mode in options.Modes)
{
    foreach (var workers in options.Workers)
    {
        var watch = Stopwatch.StartNew();
        var run = new DispatchRun(options, mode, workers);
        var result = await run.ExecuteAsync(cancel.Token);
        var (coordinatorCpu, workersCpu) = run.CpuSeconds;
        var row = string.Join(" | ",
            mode.ToString().ToLowerInvariant(),
            workers,
            options.ParallelFor(workers),
            $"{result.Completed}" + (result.NotCompleted > 0 ? $" (+{result.NotCompleted} not completed)" : string.Empty),
            $"{result.WallSeconds:0.00}",
            $"{result.Throughput:0}",
            $"{result.SteadyThroughput:0} ({result.SteadySeconds:0.0} s)",
            $"{result.LatencyP50:0.#}",
            $"{result.LatencyP99:0.#}",
            $"{result.LatencyMean:0.0}",
            $"{result.LatencyMax:0}",
            $"{result.LatencySamples}" + (result.Overlaps > 0 ? $" ({result.Overlaps} overlapped)" : string.Empty),
            $"{result.CycleP50:0} / {result.CycleP99:0}",
            $"{coordinatorCpu:0.0} / {workersCpu:0.0}",
            $"{1000 * (coordinatorCpu + workersCpu) / Math.Max(1, result.Completed):0.0}",
            $"{watch.Elapsed.TotalSeconds:0}");
        rows.Add("| " + row + " |");
        Console.Error.WriteLine($"{mode} {workers} worker(s): {result.Throughput:0} trials/s, latency p50 {result.LatencyP50:0.#} ms p99 {result.LatencyP99:0.#} ms (load {LoadAverage()})");
    }
}

Console.WriteLine("| store | workers | max_parallel | trials completed | wall s (first lease → last completion) | trials/s | trials/s, all workers busy (window) | latency p50 ms | p99 ms | mean ms | max ms | latency samples | cycle p50 / p99 ms | CPU s coordinator / workers | CPU ms per trial | run s |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var row in rows)
{
    Console.WriteLine(row);
}

Console.WriteLine();
Console.WriteLine($"Target: ≥ 500 trials/s and p99 ≤ 20 ms. Load average at the end: {LoadAverage()}; total {total.Elapsed.TotalSeconds:0} s.");
return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AeSweep.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
