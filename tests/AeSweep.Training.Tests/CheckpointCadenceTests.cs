using AeSweep.Core.Catalog;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Training.Checkpoints;
using Microsoft.Extensions.Time.Testing;

namespace AeSweep.Training.Tests;

/// <summary>
/// Issue 13 item 2: checkpoints every <c>execution.checkpoint_seconds</c> of training, at pruning rungs, at the epoch
/// that ends the trial and when it is stopped — not every epoch — and a checkpoint taken mid-trial by the cadence
/// resumes to the same final metrics as an uninterrupted run.
/// </summary>
public sealed class CheckpointCadenceTests
{
    private static readonly Dictionary<string, ParameterValue> Small =
        TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 5L), ("batch_size", 64L));

    [Fact]
    public void A_long_cadence_writes_checkpoints_only_at_rungs_and_the_last_epoch()
    {
        var observer = new RecordingObserver();
        var request = TrainingFixture.Request(Small, TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory())
            with { CheckpointSeconds = 3600, RungEpochs = [1, 3] };

        var result = TrialTrainer.Train(request, observer, CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.Equal([1, 3, 5], observer.Checkpoints.Select(c => c.Epoch));
        Assert.Equal(5, TrainingCheckpoint.EpochIn(result.Artifacts["checkpoint"]));
    }

    [Fact]
    public void The_cadence_writes_a_checkpoint_at_the_first_epoch_end_after_its_seconds_of_training()
    {
        var clock = new FakeTimeProvider();
        // Each epoch "takes" 4 s of training: with a 10 s cadence, epochs 3 and 6 are due, and 7 ends the trial.
        var observer = new RecordingObserver(onEpoch: _ => clock.Advance(TimeSpan.FromSeconds(4)));
        var parameters = TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 7L), ("batch_size", 64L));
        var request = TrainingFixture.Request(parameters, TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()) with { CheckpointSeconds = 10 };

        var result = TrialTrainer.Train(request, observer, clock, CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.Equal([3, 6, 7], observer.Checkpoints.Select(c => c.Epoch));
    }

    [Fact]
    public void A_pruned_trial_writes_the_epoch_it_was_pruned_at()
    {
        var observer = new RecordingObserver(pruneAfterEpoch: 2);
        var request = TrainingFixture.Request(Small, TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()) with { CheckpointSeconds = 3600 };

        var result = TrialTrainer.Train(request, observer, CancellationToken.None);

        Assert.Equal(TrainingOutcome.Pruned, result.Outcome);
        Assert.Equal([2], observer.Checkpoints.Select(c => c.Epoch));
    }

    [Fact]
    public void A_trial_stopped_between_checkpoints_writes_its_last_epoch_end_before_returning()
    {
        using var stop = new CancellationTokenSource();
        // Cancelled while epoch 2 is reported: training sees it at its next check, inside epoch 3, as a shutdown would.
        var observer = new RecordingObserver(onEpoch: report =>
        {
            if (report.Epoch == 2)
            {
                stop.Cancel();
            }
        });
        var request = TrainingFixture.Request(Small, TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()) with { CheckpointSeconds = 3600 };

        var result = TrialTrainer.Train(request, observer, stop.Token);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Equal([2], observer.Checkpoints.Select(c => c.Epoch));
        Assert.Equal(2, TrainingCheckpoint.EpochIn(result.Artifacts["checkpoint"]));
    }

    [Fact]
    public void A_trial_whose_observer_says_stop_writes_that_epoch()
    {
        var observer = new RecordingObserver(stopAfterEpoch: 3);
        var request = TrainingFixture.Request(Small, TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()) with { CheckpointSeconds = 3600 };

        var result = TrialTrainer.Train(request, observer, CancellationToken.None);

        Assert.Equal(TrainingOutcome.Cancelled, result.Outcome);
        Assert.Equal([3], observer.Checkpoints.Select(c => c.Epoch));
    }

    [Theory]
    [InlineData("dense", "none")]
    [InlineData("conv", "gaussian")]
    public void A_checkpoint_the_cadence_wrote_mid_trial_resumes_to_the_same_final_metrics(string family, string noise)
    {
        var parameters = TrainingFixture.Parameters(
            ("model", family), ("noise", noise), ("code_size", 6L), ("width", 48L), ("channels", 4L), ("epochs", 4L), ("batch_size", 64L), ("schedule", "cosine"));
        var dataset = TrainingFixture.Synthetic(400);
        var clock = new FakeTimeProvider();
        var directory = TrainingFixture.TempDirectory();
        var killedCopy = Path.Combine(TrainingFixture.TempDirectory(), "checkpoint");
        // As a SIGKILL after epoch 2's checkpoint would leave the disk: a copy of the directory as soon as it is recorded.
        var observer = new CopyingObserver(killedCopy, copyAtEpoch: 2, onEpoch: _ => clock.Advance(TimeSpan.FromSeconds(6)));
        var uninterrupted = TrialTrainer.Train(
            TrainingFixture.Request(parameters, dataset, directory) with { CheckpointSeconds = 10 }, observer, clock, CancellationToken.None);
        Assert.True(uninterrupted.Outcome == TrainingOutcome.Completed, uninterrupted.FailureReason);
        Assert.Equal([2, 4], observer.Checkpoints);

        var resumedObserver = new RecordingObserver();
        var resumed = TrialTrainer.Train(
            TrainingFixture.Request(parameters, dataset, TrainingFixture.TempDirectory()) with { ResumeFrom = killedCopy, CheckpointSeconds = 10 },
            resumedObserver,
            CancellationToken.None);

        Assert.True(resumed.Outcome == TrainingOutcome.Completed, resumed.FailureReason);
        Assert.Equal([3, 4], resumedObserver.Reports.Select(r => r.Epoch));
        Assert.Equal(uninterrupted.Metrics.Keys.Order(), resumed.Metrics.Keys.Order());
        foreach (var (name, value) in uninterrupted.Metrics.Where(m => !MetricCatalog.IsWallClock(m.Key)))
        {
            Assert.True(value == resumed.Metrics[name], $"{name}: uninterrupted {value:R}, resumed {resumed.Metrics[name]:R}");
        }
    }

    private sealed class CopyingObserver(string copyTo, int copyAtEpoch, Action<EpochReport> onEpoch) : ITrainingObserver
    {
        public List<int> Checkpoints { get; } = [];

        public TrialDecision OnEpoch(EpochReport report)
        {
            onEpoch(report);
            return TrialDecision.Continue;
        }

        public void OnCheckpoint(CheckpointInfo checkpoint)
        {
            Checkpoints.Add(checkpoint.Epoch);
            if (checkpoint.Epoch == copyAtEpoch)
            {
                // No other write runs while the observer is told (one in flight), so the directory is this checkpoint.
                Directory.CreateDirectory(copyTo);
                foreach (var file in Directory.GetFiles(checkpoint.Directory))
                {
                    File.Copy(file, Path.Combine(copyTo, Path.GetFileName(file)));
                }
            }
        }
    }
}
