using System.Diagnostics;
using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Training;
using AeSweep.Training.Checkpoints;
using AeSweep.Training.Data;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// What a checkpoint costs the training thread, in one process (so the shared machine's load moves both alike): a
/// synchronous checkpoint (<see cref="TrainingCheckpoint.Save"/>: copy, write, flush to disk — what every epoch paid on
/// the training thread before the cadence) against the copy to memory that every epoch pays now
/// (<see cref="CheckpointWriter"/>.Capture; the write runs on the writer's thread). The model carries Adam's moments
/// after one short epoch, as at any real checkpoint. Medians of REPEATS, in milliseconds.
/// </summary>
internal static class CheckpointCost
{
    public static int Run(string model, int repeats)
    {
        TorchRuntime.UseThreads(1);
        var parameters = ReferenceModels.Parameters(model, 1).ToDictionary(p => p.Key, p => ParameterValue.FromObject(p.Value), StringComparer.Ordinal);
        var settings = TrialSettings.FromParameters(parameters);
        var device = TorchRuntime.ParseDevice("cpu");
        var data = DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: 2048, ValidationSplit: 0.1), 0, device);
        using var run = TrialRun.Create(settings, data, 0, device);
        run.TrainEpoch(CancellationToken.None);
        var directory = Path.Combine(Path.GetTempPath(), "aesweep-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var synchronous = Path.Combine(directory, "synchronous");
            var save = Median(repeats, () => TrainingCheckpoint.Save(synchronous, 1, run.Model, run.Optimizer, run.Generator, []));
            using var writer = new CheckpointWriter(Path.Combine(directory, "background"), new NullObserver());
            var capture = Median(repeats, () => writer.Discard(writer.Capture(1, run.Model, run.Optimizer, run.Generator, [])));
            var bytes = new FileInfo(Path.Combine(synchronous, "trial.ckpt")).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model}: checkpoint {bytes / 1e6:F1} MB; synchronous write on the training thread {save:F1} ms, copy to memory (what the training thread pays now) {capture:F2} ms; medians of {repeats}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static double Median(int repeats, Action action)
    {
        action(); // warm-up: first-call costs and buffer growth
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private sealed class NullObserver : ITrainingObserver
    {
        public TrialDecision OnEpoch(EpochReport report) => TrialDecision.Continue;

        public void OnCheckpoint(CheckpointInfo checkpoint)
        {
        }
    }
}
