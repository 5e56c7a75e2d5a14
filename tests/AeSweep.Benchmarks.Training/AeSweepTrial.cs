using System.Diagnostics;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Training;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// Way (a): a full AeSweep trial through <see cref="TrialTrainer"/> on all of Fashion-MNIST (10% held out for
/// validation), ranked by val_mse as a default sweep is: val_mse each epoch, checkpoints at the default cadence
/// (execution.checkpoint_seconds 30: the state copied to memory every epoch, written off the training thread when due
/// and at the last epoch), observer callbacks, then the full validation suite (mse, l1, bce, psnr, ssim) on the final model, test metrics, the PCA
/// baseline and the artifacts (all in the finish time). Samples/s counts the epoch loop (training,
/// validation, checkpoints, callbacks), as the reference counts its epoch loop; the whole wall time is reported too.
/// </summary>
internal static class AeSweepTrial
{
    public static BenchmarkResult Run(string model, int epochs, int threads, int? limit = null)
    {
        var started = Stopwatch.GetTimestamp();
        var parameters = ReferenceModels.Parameters(model, epochs).ToDictionary(p => p.Key, p => ParameterValue.FromObject(p.Value), StringComparer.Ordinal);
        var directory = Path.Combine(Path.GetTempPath(), "aesweep-bench", Guid.NewGuid().ToString("N"));
        var request = new TrainingRequest(
            parameters,
            new DatasetSpec(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: limit, ValidationSplit: 0.1),
            Seed: 0,
            ArtifactDirectory: directory,
            Threads: threads,
            Metric: "val_mse");
        var observer = new CountingObserver();
        var result = TrialTrainer.Train(request, observer, CancellationToken.None);
        if (result.Outcome != TrainingOutcome.Completed)
        {
            throw new InvalidOperationException($"trial {result.Outcome}: {result.FailureReason}");
        }

        var timings = result.Timings;
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Directory.Delete(directory, recursive: true);
        return new BenchmarkResult(
            "aesweep",
            model,
            epochs,
            threads,
            timings.TrainSamples * epochs / timings.EpochSeconds,
            timings.EpochSeconds,
            PeakMemory.PeakMb(),
            result.Metrics["train_loss"],
            result.Metrics["test_mse"],
            wall,
            $"load {timings.LoadSeconds:F1}s, finish {timings.FinishSeconds:F1}s, rss per epoch {string.Join("/", observer.RssMb.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} MB");
    }

    private sealed class CountingObserver : ITrainingObserver
    {
        public List<double> RssMb { get; } = [];

        public TrialDecision OnEpoch(EpochReport report)
        {
            RssMb.Add(PeakMemory.CurrentMb());
            return TrialDecision.Continue;
        }

        public void OnCheckpoint(CheckpointInfo checkpoint)
        {
        }
    }
}
