using System.Diagnostics;
using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Training;
using AeSweep.Training.Fusion;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// <c>gpu [--device cuda:0] [--models dense,conv] [--packs 4,8,16] [--epochs 3] [--samples 20000] [--dataset synthetic|fashion-mnist] [--out FILE]</c>:
/// trials/hour and samples/s of small autoencoders on one device, three ways — one trial at a time, packed slots (N
/// trials side by side, each on its own thread, as a GPU worker packs them by memory) and fused packs of N
/// (<see cref="FusedTrainer.Train"/>). Every trial is a full product trial (<see cref="TrialTrainer"/>: data load,
/// epochs with val_mse, checkpoints at the default cadence, the final metrics and artifacts), timed by the wall clock,
/// so trials/hour is what a worker would deliver. Members of a pack differ in seed and learning rate, as a sweep's do.
/// scripts/gpu-check.sh runs it on the device machine; it runs on the CPU too (a smoke run: --device cpu).
/// </summary>
internal static class GpuThroughput
{
    public static int Run(string[] args)
    {
        var device = Option(args, "--device", "cuda:0");
        var models = Option(args, "--models", "dense,conv").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var packs = Option(args, "--packs", "4,8,16").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var epochs = int.Parse(Option(args, "--epochs", "3"), CultureInfo.InvariantCulture);
        var samples = int.Parse(Option(args, "--samples", "20000"), CultureInfo.InvariantCulture);
        var dataset = Option(args, "--dataset", "synthetic") == "fashion-mnist"
            ? new DatasetSpec(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: samples, ValidationSplit: 0.1)
            : new DatasetSpec(DatasetSourceKind.Synthetic, Limit: samples, ValidationSplit: 0.1);
        var output = Option(args, "--out", string.Empty);
        var root = Path.Combine(Path.GetTempPath(), "aesweep-gpu-bench", Guid.NewGuid().ToString("N"));

        Console.WriteLine($"# {device}, {dataset.Describe()}, {epochs} epoch(s) per trial; wall clock per configuration, data load and final metrics included");
        Console.WriteLine($"{"model",-6} {"way",-14} {"trials",6} {"seconds",8} {"samples/s",11} {"trials/hour",12} {"vs one",7}");
        using var results = output.Length > 0 ? new StreamWriter(output, append: true) : null;
        foreach (var model in models)
        {
            // Warm-up: the CUDA context, cuBLAS/cuDNN handles and the dataset cache are paid once, not by the first way.
            Trials(model, 1, epochs, dataset, device, root, "warmup").ForEach(r => TrialTrainer.Train(r, Quiet.Observer, CancellationToken.None));

            var single = Measure(model, "one-at-a-time", 2, epochs, dataset, device, root, rs => rs.Select(r => TrialTrainer.Train(r, Quiet.Observer, CancellationToken.None)).ToList());
            Report(results, single, single);
            foreach (var n in packs)
            {
                Report(results, Measure(model, $"packed-{n}", n, epochs, dataset, device, root, SideBySide), single);
                Report(results, Measure(model, $"fused-{n}", n, epochs, dataset, device, root, rs => FusedTrainer.Train(rs, [.. rs.Select(_ => Quiet.Observer)], TimeProvider.System, CancellationToken.None)), single);
            }
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static Measurement Measure(string model, string way, int count, int epochs, DatasetSpec dataset, string device, string root, Func<List<TrainingRequest>, IReadOnlyList<TrainingResult>> train)
    {
        var requests = Trials(model, count, epochs, dataset, device, root, way);
        var started = Stopwatch.GetTimestamp();
        var results = train(requests);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (results.FirstOrDefault(r => r.Outcome != TrainingOutcome.Completed) is { } failed)
        {
            throw new InvalidOperationException($"{model} {way}: a trial ended {failed.Outcome}: {failed.FailureReason}");
        }

        var trainSamples = results.Sum(r => r.Timings.TrainSamples) * (double)epochs;
        return new Measurement(model, way, count, seconds, trainSamples / seconds, count * 3600.0 / seconds, results.Average(r => r.Metrics.GetValueOrDefault("val_mse", double.NaN)));
    }

    /// <summary>N trials on their own threads at once (one intra-op thread each: the device does the work).</summary>
    private static IReadOnlyList<TrainingResult> SideBySide(List<TrainingRequest> requests)
    {
        var results = new TrainingResult[requests.Count];
        var threads = requests.Select((r, i) => new Thread(() => results[i] = TrialTrainer.Train(r, Quiet.Observer, CancellationToken.None))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }

    private static List<TrainingRequest> Trials(string model, int count, int epochs, DatasetSpec dataset, string device, string root, string way) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var parameters = ReferenceModels.Parameters(model, epochs).ToDictionary(p => p.Key, p => ParameterValue.FromObject(p.Value), StringComparer.Ordinal);
            parameters["learning_rate"] = ParameterValue.Of(1e-3 * (1 + (0.5 * (i % 4))));
            return new TrainingRequest(parameters, dataset, Seed: i, Path.Combine(root, $"{model}-{way}-{i}"), DataSeed: 1, Device: device, Threads: 1, Metric: "val_mse");
        })];

    private static void Report(StreamWriter? results, Measurement m, Measurement single)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m.Model,-6} {m.Way,-14} {m.Trials,6} {m.Seconds,8:F1} {m.SamplesPerSecond,11:F0} {m.TrialsPerHour,12:F0} {m.TrialsPerHour / single.TrialsPerHour,6:F2}x"));
        results?.WriteLine(System.Text.Json.JsonSerializer.Serialize(m));
        results?.Flush();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private sealed record Measurement(string Model, string Way, int Trials, double Seconds, double SamplesPerSecond, double TrialsPerHour, double MeanValMse);

    private sealed class Quiet : ITrainingObserver
    {
        public static ITrainingObserver Observer { get; } = new Quiet();

        public TrialDecision OnEpoch(EpochReport report) => TrialDecision.Continue;

        public void OnCheckpoint(CheckpointInfo checkpoint)
        {
        }
    }
}
