using AeSweep.Core.Catalog;
namespace AeSweep.Training.Tests;

public sealed class CheckpointResumeTests
{
    public static TheoryData<string, string> Models => new()
    {
        { "dense", "none" },
        { "vae", "none" },
        { "conv", "gaussian" },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Resuming_from_a_checkpoint_gives_the_same_final_metrics_as_an_uninterrupted_run(string family, string noise)
    {
        var parameters = TrainingFixture.Parameters(
            ("model", family), ("noise", noise), ("code_size", 6L), ("width", 48L), ("channels", 4L), ("epochs", 3L), ("batch_size", 64L), ("schedule", "cosine"));
        var dataset = TrainingFixture.Synthetic(400);

        var uninterrupted = TrialTrainer.Train(TrainingFixture.Request(parameters, dataset, TrainingFixture.TempDirectory()), new RecordingObserver(), CancellationToken.None);

        var interruptedDirectory = TrainingFixture.TempDirectory();
        var stopped = TrialTrainer.Train(TrainingFixture.Request(parameters, dataset, interruptedDirectory), new RecordingObserver(pruneAfterEpoch: 1), CancellationToken.None);
        Assert.Equal(TrainingOutcome.Pruned, stopped.Outcome);
        var checkpoint = stopped.Artifacts["checkpoint"];
        var resumedObserver = new RecordingObserver();
        var resumed = TrialTrainer.Train(
            TrainingFixture.Request(parameters, dataset, interruptedDirectory) with { ResumeFrom = checkpoint },
            resumedObserver,
            CancellationToken.None);

        Assert.True(uninterrupted.Outcome == TrainingOutcome.Completed, uninterrupted.FailureReason);
        Assert.True(resumed.Outcome == TrainingOutcome.Completed, resumed.FailureReason);
        Assert.Equal([2, 3], resumedObserver.Reports.Select(r => r.Epoch));
        Assert.Equal(3, resumed.EpochsRun);
        Assert.Equal(uninterrupted.Metrics.Keys.Order(), resumed.Metrics.Keys.Order());
        foreach (var (name, value) in uninterrupted.Metrics.Where(m => !MetricCatalog.IsWallClock(m.Key)))
        {
            Assert.True(value == resumed.Metrics[name], $"{name}: uninterrupted {value:R}, resumed {resumed.Metrics[name]:R}");
        }
    }

    [Fact]
    public void A_zero_cadence_writes_every_epoch_and_tells_the_observer()
    {
        var observer = new RecordingObserver();
        var parameters = TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 2L));

        var result = TrialTrainer.Train(
            TrainingFixture.Request(parameters, TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()) with { CheckpointSeconds = 0 },
            observer,
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.Equal([1, 2], observer.Checkpoints.Select(c => c.Epoch));
        Assert.Equal(2, Checkpoints.TrainingCheckpoint.EpochIn(observer.Checkpoints[^1].Directory));
    }

    [Fact]
    public void A_checkpoint_directory_of_the_earlier_format_still_resumes_to_the_same_final_metrics()
    {
        var parameters = TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 3L), ("batch_size", 64L));
        var dataset = TrainingFixture.Synthetic(300);
        var uninterrupted = TrialTrainer.Train(TrainingFixture.Request(parameters, dataset, TrainingFixture.TempDirectory()), new RecordingObserver(), CancellationToken.None);
        var stopped = TrialTrainer.Train(TrainingFixture.Request(parameters, dataset, TrainingFixture.TempDirectory()), new RecordingObserver(pruneAfterEpoch: 1), CancellationToken.None);

        // What a worker before the cadence left behind: model.dat, optimizer.dat, generator.dat, progress.json.
        var earlier = Path.Combine(TrainingFixture.TempDirectory(), "checkpoint");
        Directory.CreateDirectory(earlier);
        var settings = TrialSettings.FromParameters(parameters);
        var data = Data.DatasetLoader.Load(dataset, 42, TorchSharp.torch.CPU);
        using (var run = TrialRun.Create(settings, data, 7, TorchSharp.torch.CPU))
        {
            var progress = Checkpoints.TrainingCheckpoint.Load(stopped.Artifacts["checkpoint"], run.Model, run.Optimizer, run.Generator);
            run.Model.save(Path.Combine(earlier, "model.dat"));
            ((TorchSharp.Modules.OptimizerHelper)run.Optimizer).save_state_dict(Path.Combine(earlier, "optimizer.dat"));
            using var state = run.Generator.get_state();
            File.WriteAllBytes(Path.Combine(earlier, "generator.dat"), state.data<byte>().ToArray());
            File.WriteAllText(Path.Combine(earlier, "progress.json"), System.Text.Json.JsonSerializer.Serialize(progress));
        }

        var resumed = TrialTrainer.Train(
            TrainingFixture.Request(parameters, dataset, TrainingFixture.TempDirectory()) with { ResumeFrom = earlier },
            new RecordingObserver(),
            CancellationToken.None);

        Assert.True(resumed.Outcome == TrainingOutcome.Completed, resumed.FailureReason);
        foreach (var (name, value) in uninterrupted.Metrics.Where(m => !MetricCatalog.IsWallClock(m.Key)))
        {
            Assert.True(value == resumed.Metrics[name], $"{name}: uninterrupted {value:R}, resumed {resumed.Metrics[name]:R}");
        }
    }
}
