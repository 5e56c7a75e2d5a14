using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Training;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// What a worker saves by keeping the decoded dataset and the PCA baseline between trials: TRIALS trials of one sweep
/// run back to back in this process, as one worker slot runs them, each with its own seed. The first trial pays for
/// decoding the IDX files and fitting PCA; the later ones reuse both. Printed per trial: load (data to tensors),
/// epochs, finish (test metrics, PCA baseline, gallery and latent map), and the cold/warm ratio of the time spent
/// outside the epoch loop.
/// </summary>
internal static class TrialReuse
{
    public static int Run(string model, int epochs, int threads, int trials, int? limit)
    {
        var parameters = ReferenceModels.Parameters(model, epochs).ToDictionary(p => p.Key, p => ParameterValue.FromObject(p.Value), StringComparer.Ordinal);
        var dataset = new DatasetSpec(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: limit, ValidationSplit: 0.1);
        Console.WriteLine($"### Trials back to back in one worker process: {model}, {epochs} epoch(s), {threads} thread(s), {limit?.ToString(CultureInfo.InvariantCulture) ?? "all"} Fashion-MNIST images, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine("| trial | load s | epochs s | finish s | outside epochs s |");
        Console.WriteLine("|---|---|---|---|---|");
        var outside = new List<double>();
        for (var trial = 0; trial < trials; trial++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "aesweep-bench", Guid.NewGuid().ToString("N"));
            var request = new TrainingRequest(parameters, dataset, Seed: trial, ArtifactDirectory: directory, Threads: threads);
            var result = TrialTrainer.Train(request, new NullObserver(), CancellationToken.None);
            Directory.Delete(directory, recursive: true);
            if (result.Outcome != TrainingOutcome.Completed)
            {
                throw new InvalidOperationException($"trial {trial} {result.Outcome}: {result.FailureReason}");
            }

            var t = result.Timings;
            outside.Add(t.LoadSeconds + t.FinishSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {trial}{(trial == 0 ? " (cold)" : string.Empty)} | {t.LoadSeconds:F2} | {t.EpochSeconds:F2} | {t.FinishSeconds:F2} | {outside[^1]:F2} |"));
        }

        if (outside.Count > 1)
        {
            var warm = outside.Skip(1).Order().ToList();
            var median = warm[warm.Count / 2];
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outside the epoch loop: cold {outside[0]:F2} s, warm median {median:F2} s ({outside[0] / median:F1}x less per trial after the first)"));
        }

        return 0;
    }

    private sealed class NullObserver : ITrainingObserver
    {
        public TrialDecision OnEpoch(EpochReport report) => TrialDecision.Continue;

        public void OnCheckpoint(CheckpointInfo checkpoint)
        {
        }
    }
}
