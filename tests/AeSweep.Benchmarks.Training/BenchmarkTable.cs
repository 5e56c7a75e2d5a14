using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// The one-command benchmark: for the dense AE (2 epochs) and the conv AE (1 epoch), ways (a) AeSweep trial,
/// (b) bare TorchSharp loop, (c) PyTorch reference, each in its own process, interleaved and repeated; medians are
/// reported. Then two trials side by side with one thread each against one at a time with all threads.
/// </summary>
internal static class BenchmarkTable
{
    public static int Run(string referenceScript, int threads, int repeats)
    {
        var output = new StringBuilder();
        void Line(string text)
        {
            Console.WriteLine(text);
            output.AppendLine(text);
        }

        Line($"# AeSweep training benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {threads} threads, " +
             $"{repeats} repeat(s), medians, OMP_WAIT_POLICY={ChildProcess.OpenMpWaitPolicy} for every way, load average at start {LoadAverage()}");
        Line(string.Empty);
        Line("| model | way | epochs | samples/s | peak RSS (MB) | test MSE | epoch-loop s | note |");
        Line("|---|---|---|---|---|---|---|---|");
        var ratios = new List<string>();
        foreach (var (model, epochs) in new[] { ("dense", 2), ("conv", 1) })
        {
            var runs = new Dictionary<string, List<BenchmarkResult>> { ["aesweep"] = [], ["bare"] = [], ["pytorch"] = [], ["pytorch-refblas"] = [] };
            for (var r = 0; r < repeats; r++)
            {
                Console.Error.WriteLine($"{model}: repeat {r + 1}/{repeats} (load {LoadAverage()})");
                runs["aesweep"].Add(ChildProcess.RunSelf("aesweep", model, epochs, threads));
                runs["bare"].Add(ChildProcess.RunSelf("bare", model, epochs, threads));
                runs["pytorch"].Add(ChildProcess.RunPyTorch(referenceScript, model, epochs, threads));
            }

            // The reference BLAS run is slow and only anchors the "as shipped" ratio: once.
            runs["pytorch-refblas"].Add(ChildProcess.RunPyTorch(referenceScript, model, epochs, threads, referenceBlas: true));

            var medians = new Dictionary<string, double>();
            foreach (var (way, results) in runs)
            {
                var median = Median(results.Select(x => x.SamplesPerSecond));
                medians[way] = median;
                var label = way switch
                {
                    "aesweep" => "(a) AeSweep trial",
                    "bare" => "(b) bare TorchSharp",
                    "pytorch" => "(c) PyTorch script",
                    _ => "(c') PyTorch script, reference BLAS",
                };
                var all = string.Join(", ", results.Select(x => BenchmarkResult.Format(x.SamplesPerSecond)));
                Line($"| {model} | {label} | {epochs} | {BenchmarkResult.Format(median)} ({all}) | {BenchmarkResult.Format(results.Max(x => x.PeakRssMb))} | " +
                     $"{BenchmarkResult.Format(Median(results.Select(x => x.TestMse)), "F4")} | {BenchmarkResult.Format(Median(results.Select(x => x.TrainingSeconds)), "F1")} | {results[^1].Note} |");
            }

            var ab = medians["aesweep"] / medians["bare"];
            var ac = medians["aesweep"] / medians["pytorch"];
            var acReference = medians["aesweep"] / medians["pytorch-refblas"];
            ratios.Add($"- {model}: (a)/(b) = {ab:F2} (target ≥ 0.90: {(ab >= 0.9 ? "met" : "MISSED")}); (a)/(c) = {ac:F2} with OpenBLAS (target ≥ 4: {(ac >= 4 ? "met" : "MISSED")}), {acReference:F2} with the reference BLAS (target ≥ 4: {(acReference >= 4 ? "met" : "MISSED")})" +
                (model == "dense" ? $"; peak RSS of (a) = {runs["aesweep"].Max(x => x.PeakRssMb):F0} MB (target ≤ 1024: {(runs["aesweep"].Max(x => x.PeakRssMb) <= 1024 ? "met" : "MISSED")})" : string.Empty));
        }

        Line(string.Empty);
        foreach (var ratio in ratios)
        {
            Line(ratio);
        }

        Line(string.Empty);
        Line("## Two trials side by side (1 thread each) vs one at a time (all threads) — each trial a full AeSweep trial process, 1 epoch");
        Line(string.Empty);
        Line("| model | schedule | wall s for 2 trials | trials/hour |");
        Line("|---|---|---|---|");
        foreach (var model in new[] { "dense", "conv" })
        {
            var started = Stopwatch.GetTimestamp();
            var first = ChildProcess.StartSelf("aesweep", model, 1, 1);
            var second = ChildProcess.StartSelf("aesweep", model, 1, 1);
            ChildProcess.Finish(first);
            ChildProcess.Finish(second);
            var parallel = Stopwatch.GetElapsedTime(started).TotalSeconds;
            started = Stopwatch.GetTimestamp();
            ChildProcess.RunSelf("aesweep", model, 1, threads);
            ChildProcess.RunSelf("aesweep", model, 1, threads);
            var sequential = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Line($"| {model} | 2 side by side × 1 thread | {parallel:F1} | {2 * 3600 / parallel:F0} |");
            Line($"| {model} | 1 at a time × {threads} threads | {sequential:F1} | {2 * 3600 / sequential:F0} |");
        }

        Line(string.Empty);
        Line($"Load average at the end: {LoadAverage()} (the machine's 2 cores are shared with other work).");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
