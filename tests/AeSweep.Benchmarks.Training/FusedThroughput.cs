using System.Diagnostics;
using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Training;
using AeSweep.Training.Fusion;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// Fused against unfused trials/hour on the same cores with the same trials (issue 13 item 6): N small dense
/// autoencoders (or, with WIDTHS = conv, N copies of the reference conv autoencoder, fused as grouped convolutions) of one sweep (same architecture, learning rates spread over 1e-4..1e-2, seeds 0..N-1), full AeSweep
/// trials (per-epoch val_mse, checkpoints, final suite, test metrics, artifacts), in one process with the dataset
/// decoded once (as a worker slot sees it). Four ways, taking turns within each repeat so the machine's load moves
/// them alike: unfused one at a time with THREADS threads; unfused THREADS at a time with one thread each (how a CPU
/// worker fills its slots); one fused pack with THREADS threads; THREADS fused packs side by side with one thread each.
/// Also checks that each fused member's final val_mse equals its lone trial's (max relative difference printed).
/// </summary>
internal static class FusedThroughput
{
    private static readonly string[] Ways = ["unfused, 1 at a time", "unfused, side by side", "fused, 1 pack", "fused, packs side by side"];

    /// <param name="widths">The dense AE's layer widths down to the code; empty: the reference conv AE (depth 2, 16 channels, code 32).</param>
    public static int Run(int[] sizes, int epochs, int threads, int repeats, int? limit, int[] widths)
    {
        var model = widths.Length == 0 ? "conv AEs (reference: depth 2, 16 channels, code 32)" : $"dense AEs (784-{string.Join('-', widths)})";
        var dataset = new DatasetSpec(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: limit, ValidationSplit: 0.1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### Fused vs unfused {model}, {epochs} epoch(s), {threads} thread(s), {limit?.ToString(CultureInfo.InvariantCulture) ?? "all"} Fashion-MNIST images, {repeats} repeat(s), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        Console.WriteLine();
        _ = Unfused(Requests(1, 1000, 1, dataset, widths, threads), 1); // warm-up: decodes the dataset, JIT
        Console.WriteLine("| trials | way | trials/hour, median [repeats] | wall s (median) | epoch loops s (median; summed over lanes) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var seconds = Ways.Select(_ => new List<double>()).ToArray();
            var loops = Ways.Select(_ => new List<double>()).ToArray();
            var maxDifference = 0.0;
            for (var r = 0; r < repeats; r++)
            {
                var requests = Requests(n, r * n, epochs, dataset, widths, threads);
                var alone = Timed(() => Unfused(requests, 1), seconds[0]);
                loops[0].Add(alone.Sum(t => t.Timings.EpochSeconds));
                loops[1].Add(Timed(() => Unfused(requests, threads), seconds[1]).Sum(t => t.Timings.EpochSeconds));
                var fused = Timed(() => Fused(requests, 1), seconds[2]);
                // A pack's members share one epoch loop: the first member's (it finishes first) is the loop's time.
                loops[2].Add(fused[0].Timings.EpochSeconds);
                var packs = Timed(() => Fused(requests, threads), seconds[3]);
                loops[3].Add(Enumerable.Range(0, threads).Sum(lane => packs[lane].Timings.EpochSeconds));
                for (var i = 0; i < n; i++)
                {
                    double a = alone[i].Metrics["val_mse"], f = fused[i].Metrics["val_mse"];
                    maxDifference = Math.Max(maxDifference, Math.Abs(a - f) / Math.Abs(a));
                }

                // Each repeat as it ends (stderr), so that a run cut short by a time limit still shows what it measured.
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {n}, repeat {r + 1}/{repeats}: {string.Join("; ", Ways.Select((way, w) => $"{way} {seconds[w][^1]:F1} s"))}; load average {LoadAverage()}"));
            }

            for (var w = 0; w < Ways.Length; w++)
            {
                var perHour = seconds[w].Select(s => n * 3600 / s).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {Ways[w]} | {Median(perHour):F0} [{string.Join(", ", perHour.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))}] | {Median(seconds[w]):F1} | {Median(loops[w]):F1} |"));
            }

            var bestUnfused = Math.Min(Median(seconds[0]), Median(seconds[1]));
            var bestFused = Math.Min(Median(seconds[2]), Median(seconds[3]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | **fused/unfused (best way each)** | **{bestUnfused / bestFused:F2}×** | | max relative val_mse difference fused vs alone: {maxDifference:E1} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    private static TrainingRequest[] Requests(int n, int firstSeed, int epochs, DatasetSpec dataset, int[] widths, int threads)
    {
        var requests = new TrainingRequest[n];
        for (var i = 0; i < n; i++)
        {
            var rate = n == 1 ? 1e-3 : 1e-4 * Math.Pow(100, (double)i / (n - 1));
            var parameters = widths.Length == 0 ? ReferenceModels.Parameters("conv", epochs) : new Dictionary<string, object>
            {
                ["model"] = "dense", ["depth"] = (long)widths.Length - 1, ["code_size"] = (long)widths[^1], ["epochs"] = (long)epochs,
            };
            parameters["learning_rate"] = rate;
            for (var layer = 0; layer < widths.Length - 1; layer++)
            {
                parameters[$"width_{layer + 1}"] = (long)widths[layer];
            }

            requests[i] = new TrainingRequest(
                parameters.ToDictionary(p => p.Key, p => ParameterValue.FromObject(p.Value), StringComparer.Ordinal),
                dataset,
                Seed: firstSeed + i,
                ArtifactDirectory: Path.Combine(Path.GetTempPath(), "aesweep-bench", Guid.NewGuid().ToString("N")),
                Threads: threads,
                Metric: "val_mse");
        }

        return requests;
    }

    // The trials in `lanes` threads side by side (one intra-op thread each when more than one lane).
    private static TrainingResult[] Unfused(TrainingRequest[] requests, int lanes) =>
        InLanes(requests.Length, lanes, (indices, t) => [.. indices.Select(i => TrialTrainer.Train(Fresh(requests[i], t), new NullObserver(), CancellationToken.None))]);

    private static TrainingResult[] Fused(TrainingRequest[] requests, int lanes) =>
        InLanes(requests.Length, lanes, (indices, t) => FusedTrainer.Train([.. indices.Select(i => Fresh(requests[i], t))], [.. indices.Select(_ => new NullObserver())], TimeProvider.System, CancellationToken.None));

    private static TrainingResult[] InLanes(int n, int lanes, Func<int[], int, IReadOnlyList<TrainingResult>> work)
    {
        var results = new TrainingResult[n];
        var threadsPerLane = lanes == 1 ? 0 : 1;
        var workers = Enumerable.Range(0, lanes).Select(lane => new Thread(() =>
        {
            var indices = Enumerable.Range(0, n).Where(i => i % lanes == lane).ToArray();
            var laneResults = work(indices, threadsPerLane);
            for (var k = 0; k < indices.Length; k++)
            {
                results[indices[k]] = laneResults[k];
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        foreach (var result in results)
        {
            if (result.Outcome != TrainingOutcome.Completed)
            {
                throw new InvalidOperationException($"trial {result.Outcome}: {result.FailureReason}");
            }

            if (result.Artifacts.TryGetValue("gallery", out var gallery))
            {
                Directory.Delete(Path.GetDirectoryName(gallery)!, recursive: true);
            }
        }

        return results;
    }

    // A new artifact directory per run; threadsOverride 0 keeps the request's threads.
    private static TrainingRequest Fresh(TrainingRequest request, int threadsOverride) => request with
    {
        ArtifactDirectory = Path.Combine(Path.GetTempPath(), "aesweep-bench", Guid.NewGuid().ToString("N")),
        Threads = threadsOverride > 0 ? threadsOverride : request.Threads,
    };

    private static T Timed<T>(Func<T> work, List<double> seconds)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private sealed class NullObserver : ITrainingObserver
    {
        public TrialDecision OnEpoch(EpochReport report) => TrialDecision.Continue;

        public void OnCheckpoint(CheckpointInfo checkpoint)
        {
        }
    }
}
