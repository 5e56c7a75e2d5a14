using AeSweep.Core.Definitions;

namespace AeSweep.Training.Tests;

public sealed class TrainingOutcomeTests
{
    [Fact]
    public void Bce_on_standardized_data_fails_before_training_with_a_clear_reason()
    {
        var directory = TrainingFixture.TempDirectory();
        var csv = TrainingFixture.WriteCsv(directory, (r, c) => (r * 0.37) + c);
        var observer = new RecordingObserver();

        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("loss", "bce"), ("epochs", 2L)), new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv, Normalize: "standard"), Path.Combine(directory, "trial")),
            observer,
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.Contains("bce", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("[0, 1]", result.FailureReason, StringComparison.Ordinal);
        Assert.Empty(observer.Reports);
        Assert.Equal(0, result.EpochsRun);
    }

    [Fact]
    public void Bce_on_unnormalized_data_outside_the_unit_interval_fails_before_training()
    {
        var directory = TrainingFixture.TempDirectory();
        var csv = TrainingFixture.WriteCsv(directory, (r, c) => r - 100.0);
        var observer = new RecordingObserver();

        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("loss", "bce")), new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv, Normalize: "none"), Path.Combine(directory, "trial")),
            observer,
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.Contains("bce", result.FailureReason, StringComparison.Ordinal);
        Assert.Empty(observer.Reports);
    }

    [Fact]
    public void Minmax_normalized_csv_trains_with_bce()
    {
        var directory = TrainingFixture.TempDirectory();
        var csv = TrainingFixture.WriteCsv(directory, (r, c) => Math.Sin((r * 0.1) + c) * 50);

        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("loss", "bce"), ("code_size", 3L), ("width", 16L), ("epochs", 3L), ("batch_size", 32L)), new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv), Path.Combine(directory, "trial")),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.True(result.Metrics.ContainsKey("val_bce"));
        Assert.False(result.Metrics.ContainsKey("val_ssim")); // not images
        Assert.True(File.Exists(result.Artifacts["latent_map"]));
        Assert.False(result.Artifacts.ContainsKey("gallery"));
    }

    [Fact]
    public void A_diverging_run_fails_with_a_non_finite_reason()
    {
        var directory = TrainingFixture.TempDirectory();
        var csv = TrainingFixture.WriteCsv(directory, (r, c) => ((r * 7) % 13) + (c * 3.0));

        var result = TrialTrainer.Train(
            TrainingFixture.Request(
                TrainingFixture.Parameters(("optimizer", "sgd"), ("learning_rate", 9.0), ("momentum", 0.99), ("epochs", 5L), ("batch_size", 16L)),
                new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv, Normalize: "standard"),
                Path.Combine(directory, "trial")),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.Contains("non-finite", result.FailureReason, StringComparison.Ordinal);
        Assert.True(result.EpochsRun >= 1);
    }

    [Fact]
    public void The_observer_prunes_a_trial_after_an_epoch()
    {
        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 5L)), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()),
            new RecordingObserver(pruneAfterEpoch: 2),
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Pruned, result.Outcome);
        Assert.Equal(2, result.EpochsRun);
        Assert.False(result.Metrics.ContainsKey("test_mse")); // the test set is for completed trials only
        Assert.True(File.Exists(result.Artifacts["gallery"]));
    }

    [Fact]
    public void An_observer_answering_stop_ends_training_as_cancelled_keeping_the_checkpoint()
    {
        var observer = new RecordingObserver(stopAfterEpoch: 1);

        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 5L)), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()),
            observer,
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Equal(1, result.EpochsRun);
        Assert.True(Directory.Exists(observer.Checkpoints.Single().Directory));
    }

    [Fact]
    public void An_operation_cancelled_under_the_observer_without_a_stop_fails_the_trial_instead_of_cancelling_it()
    {
        // E.g. a grain call cancelled when its connection closed: nobody asked for a stop, so the trial must not be
        // reported as cancelled (a sweep would count it so, and never run it again).
        var observer = new RecordingObserver(onEpoch: r => _ = r.Epoch == 2 ? throw new TaskCanceledException("A task was canceled.") : 0);

        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 5L)), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()),
            observer,
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.Contains("canceled", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(2, result.EpochsRun);
    }

    [Fact]
    public void Cancellation_stops_training_cooperatively()
    {
        using var cancellation = new CancellationTokenSource();
        var observer = new RecordingObserver(onEpoch: _ => cancellation.Cancel());

        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 5L)), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()),
            observer,
            cancellation.Token);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Equal(1, result.EpochsRun);
        Assert.True(Directory.Exists(observer.Checkpoints.Single().Directory));
    }

    [Fact]
    public void A_missing_fashion_mnist_names_the_debian_package()
    {
        var previous = Environment.GetEnvironmentVariable("AESWEEP_FASHION_MNIST");
        Environment.SetEnvironmentVariable("AESWEEP_FASHION_MNIST", TrainingFixture.TempDirectory());
        try
        {
            var result = TrialTrainer.Train(
                TrainingFixture.Request(TrainingFixture.Parameters(), TrainingFixture.FashionMnist(), TrainingFixture.TempDirectory()),
                new RecordingObserver(),
                CancellationToken.None);

            Assert.Equal(TrainingOutcome.Failed, result.Outcome);
            Assert.Contains("dataset-fashion-mnist", result.FailureReason, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AESWEEP_FASHION_MNIST", previous);
        }
    }
}
