using AeSweep.Core.Catalog;
using AeSweep.Core.Search;
using AeSweep.Training.Fusion;

namespace AeSweep.Training.Tests;

/// <summary>Issue 13's acceptance test for horizontal fusion: a fused member's results equal its trial trained alone.</summary>
public sealed class FusedTrainerTests
{
    private const double Tolerance = 1e-4; // relative, on CPU (the batched product sums in another order)

    public static TheoryData<string, string?> Families => new()
    {
        { "dense", null },
        { "denoising", null },
        { "sparse", "kl" },
        { "vae", null },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void A_fused_members_epochs_final_and_test_metrics_equal_the_same_trial_trained_alone(string family, string? sparsity)
    {
        var dataset = TrainingFixture.Synthetic(400);
        // Different learning rates, losses, optimizers, schedules, weight decay, noise and seeds; member 2 is pruned after epoch 2.
        Dictionary<string, ParameterValue> Member(string loss, double rate, string optimizer, string schedule, double decay, string noise) =>
            TrainingFixture.Parameters(
                [("model", family), ("code_size", 6L), ("width", 48L), ("depth", 2L), ("epochs", 4L), ("batch_size", 64L), ("loss", loss),
                 ("learning_rate", rate), ("optimizer", optimizer), ("schedule", schedule), ("weight_decay", decay),
                 .. family == "denoising" ? [] : new (string, object)[] { ("noise", noise) },
                 .. sparsity is null ? [] : new (string, object)[] { ("sparsity", sparsity) }]);
        var parameters = new[]
        {
            Member("mse", 3e-3, "adam", "none", 0, "none"),
            Member("l1", 1e-2, "sgd", "cosine", 1e-4, "gaussian"),
            Member("bce", 1e-3, "adamw", "step", 1e-3, "masking"),
            Member("mse", 5e-3, "adam", "cosine", 0, "none"),
        };
        int?[] pruneAfter = [null, null, 2, null];
        var requests = parameters.Select((p, i) => TrainingFixture.Request(p, dataset, TrainingFixture.TempDirectory(), seed: 11 + (i * 7))).ToArray();
        Assert.Single(requests.Select(FusedTrainer.FusionKey).Distinct());
        Assert.NotNull(FusedTrainer.FusionKey(requests[0]));

        var fusedObservers = pruneAfter.Select(p => new RecordingObserver(pruneAfterEpoch: p)).ToArray();
        var fused = FusedTrainer.Train(requests, fusedObservers, TimeProvider.System, CancellationToken.None);

        for (var i = 0; i < requests.Length; i++)
        {
            var aloneObserver = new RecordingObserver(pruneAfterEpoch: pruneAfter[i]);
            var alone = TrialTrainer.Train(requests[i] with { ArtifactDirectory = TrainingFixture.TempDirectory() }, aloneObserver, CancellationToken.None);
            Assert.True(alone.Outcome is TrainingOutcome.Completed or TrainingOutcome.Pruned, alone.FailureReason);
            Assert.True(fused[i].Outcome == alone.Outcome, $"member {i}: fused {fused[i].Outcome} ({fused[i].FailureReason}), alone {alone.Outcome}");
            Assert.Equal(alone.EpochsRun, fused[i].EpochsRun);
            Assert.Equal(aloneObserver.Reports.Select(r => r.Epoch), fusedObservers[i].Reports.Select(r => r.Epoch));
            for (var e = 0; e < aloneObserver.Reports.Count; e++)
            {
                AssertClose(aloneObserver.Reports[e].TrainLoss, fusedObservers[i].Reports[e].TrainLoss, $"member {i} epoch {e + 1} train_loss");
                Assert.Equal(aloneObserver.Reports[e].LearningRate, fusedObservers[i].Reports[e].LearningRate);
                Assert.Equal(aloneObserver.Reports[e].Metrics.Keys.Order(), fusedObservers[i].Reports[e].Metrics.Keys.Order());
                foreach (var (name, value) in aloneObserver.Reports[e].Metrics.Where(m => !MetricCatalog.IsWallClock(m.Key)))
                {
                    AssertClose(value, fusedObservers[i].Reports[e].Metrics[name], $"member {i} epoch {e + 1} {name}");
                }
            }

            Assert.Equal(alone.Metrics.Keys.Order(), fused[i].Metrics.Keys.Order());
            foreach (var (name, value) in alone.Metrics.Where(m => !MetricCatalog.IsWallClock(m.Key)))
            {
                AssertClose(value, fused[i].Metrics[name], $"member {i} final {name}");
            }

            Assert.Equal(alone.Artifacts.Keys.Order(), fused[i].Artifacts.Keys.Order());
            Assert.All(fused[i].Artifacts.Values, path => Assert.True(Path.Exists(path), path));
        }

        Assert.Contains(fused[0].Metrics.Keys, k => k == "test_mse");
        Assert.Equal(TrainingOutcome.Pruned, fused[2].Outcome);
    }

    [Fact]
    public void Cancelling_a_pack_stops_every_member_and_each_resumes_alone_from_its_stop_checkpoint()
    {
        var dataset = TrainingFixture.Synthetic(300);
        var requests = new[] { 1e-3, 3e-3, 1e-2 }
            .Select((rate, i) => TrainingFixture.Request(
                TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 4L), ("batch_size", 64L), ("learning_rate", rate)),
                dataset,
                TrainingFixture.TempDirectory(),
                seed: 3 + i) with { CheckpointSeconds = 3600 })
            .ToArray();
        using var cancellation = new CancellationTokenSource();
        // The first member's observer cancels the pack after epoch 2: every member ends there, as a lone trial stopped between epochs does.
        var observers = requests.Select((_, i) => new RecordingObserver(onEpoch: r =>
        {
            if (i == 0 && r.Epoch == 2)
            {
                cancellation.Cancel();
            }
        })).ToArray();

        var fused = FusedTrainer.Train(requests, observers, TimeProvider.System, cancellation.Token);

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(TrainingOutcome.Cancelled, fused[i].Outcome);
            Assert.Equal(2, fused[i].EpochsRun);
            Assert.Equal([2], observers[i].Checkpoints.Select(c => c.Epoch));
            var uninterrupted = TrialTrainer.Train(requests[i] with { ArtifactDirectory = TrainingFixture.TempDirectory() }, new RecordingObserver(), CancellationToken.None);
            var resumedObserver = new RecordingObserver();
            var resumed = TrialTrainer.Train(requests[i] with { ResumeFrom = fused[i].Artifacts["checkpoint"] }, resumedObserver, CancellationToken.None);
            Assert.True(resumed.Outcome == TrainingOutcome.Completed, resumed.FailureReason);
            Assert.Equal([3, 4], resumedObserver.Reports.Select(r => r.Epoch));
            foreach (var (name, value) in uninterrupted.Metrics.Where(m => !MetricCatalog.IsWallClock(m.Key)))
            {
                AssertClose(value, resumed.Metrics[name], $"member {i} resumed {name}");
            }
        }
    }

    [Fact]
    public void A_member_whose_observer_stops_it_leaves_the_pack_and_the_others_complete()
    {
        var requests = new[] { 7L, 8L, 9L }
            .Select(seed => TrainingFixture.Request(
                TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 3L), ("batch_size", 64L)), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory(), seed))
            .ToArray();
        var observers = new[] { new RecordingObserver(), new RecordingObserver(stopAfterEpoch: 1), new RecordingObserver() };

        var fused = FusedTrainer.Train(requests, observers, TimeProvider.System, CancellationToken.None);

        Assert.True(fused[0].Outcome == TrainingOutcome.Completed, fused[0].FailureReason);
        Assert.Equal([TrainingOutcome.Completed, TrainingOutcome.Cancelled, TrainingOutcome.Completed], fused.Select(r => r.Outcome));
        Assert.Equal([1], observers[1].Checkpoints.Select(c => c.Epoch));
        Assert.Equal(3, observers[2].Reports.Count);
        var alone = TrialTrainer.Train(requests[2] with { ArtifactDirectory = TrainingFixture.TempDirectory() }, new RecordingObserver(), CancellationToken.None);
        AssertClose(alone.Metrics[MetricNames.ValidationMse], fused[2].Metrics[MetricNames.ValidationMse], "val_mse");
    }

    [Fact]
    public void A_member_whose_report_throws_an_unasked_cancellation_fails_alone_and_the_others_complete()
    {
        var requests = new[] { 7L, 8L }
            .Select(seed => TrainingFixture.Request(
                TrainingFixture.Parameters(("code_size", 4L), ("width", 32L), ("epochs", 3L), ("batch_size", 64L)), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory(), seed))
            .ToArray();
        var observers = new[] { new RecordingObserver(onEpoch: r => _ = r.Epoch == 2 ? throw new OperationCanceledException("call cancelled") : 0), new RecordingObserver() };

        var fused = FusedTrainer.Train(requests, observers, TimeProvider.System, CancellationToken.None);

        Assert.Equal([TrainingOutcome.Failed, TrainingOutcome.Completed], fused.Select(r => r.Outcome));
        Assert.Contains("call cancelled", fused[0].FailureReason, StringComparison.Ordinal);
        Assert.Equal(3, observers[1].Reports.Count);
    }

    [Theory]
    [InlineData("lstm")]
    public void Families_that_are_not_fused_have_no_fusion_key(string family)
    {
        var request = TrainingFixture.Request(TrainingFixture.Parameters(("model", family)), TrainingFixture.Synthetic(), "unused");
        Assert.Null(FusedTrainer.FusionKey(request));
        Assert.NotNull(FusedTrainer.FusionKey(request with { Parameters = TrainingFixture.Parameters(("model", "dense")) }));
        Assert.Null(FusedTrainer.FusionKey(request with { Parameters = TrainingFixture.Parameters(("model", "dense")), ResumeFrom = "somewhere" }));
    }

    [Fact]
    public void Trials_with_different_widths_or_sparsity_get_different_keys()
    {
        var dataset = TrainingFixture.Synthetic();
        string? Key(params (string, object)[] p) => FusedTrainer.FusionKey(TrainingFixture.Request(TrainingFixture.Parameters(p), dataset, "unused"));
        Assert.NotEqual(Key(("width", 32L)), Key(("width", 64L)));
        Assert.NotEqual(Key(("model", "sparse"), ("sparsity", "kl")), Key(("model", "sparse"), ("sparsity", "l1")));
        Assert.Equal(Key(("learning_rate", 1e-3), ("loss", "mse")), Key(("learning_rate", 1e-2), ("loss", "l1")));
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(
            Math.Abs(expected - actual) <= (Tolerance * Math.Max(Math.Abs(expected), Math.Abs(actual))) + 1e-12,
            $"{what}: alone {expected:R}, fused {actual:R} (relative {Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300):E2})");
}
