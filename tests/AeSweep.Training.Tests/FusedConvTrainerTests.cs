using AeSweep.Core.Catalog;
using AeSweep.Core.Search;
using AeSweep.Training.Fusion;

namespace AeSweep.Training.Tests;

/// <summary>
/// Issue 13's fusion acceptance test for the conv family: members fused as grouped convolutions equal their trials
/// trained alone (epoch reports and final metrics), a pruned member leaves the pack, and the key tells conv
/// architectures apart.
/// </summary>
public sealed class FusedConvTrainerTests
{
    private const double Tolerance = 1e-4; // relative, on CPU (grouped convolutions and batched products sum in another order)

    [Theory]
    [InlineData("strided", "transposed")]
    [InlineData("maxpool", "nearest")]
    public void A_fused_conv_members_epochs_and_final_metrics_equal_the_same_trial_trained_alone(string downsampling, string upsampling)
    {
        var dataset = TrainingFixture.Synthetic(240);
        // Different learning rates, losses, optimizers, schedules, weight decay, noise and seeds; member 2 is pruned after epoch 2.
        Dictionary<string, ParameterValue> Member(string loss, double rate, string optimizer, string schedule, double decay, string noise) =>
            TrainingFixture.Parameters(
                ("model", "conv"), ("channels", 4L), ("depth", 2L), ("code_size", 6L), ("epochs", 3L), ("batch_size", 32L),
                ("downsampling", downsampling), ("upsampling", upsampling), ("loss", loss), ("learning_rate", rate),
                ("optimizer", optimizer), ("schedule", schedule), ("weight_decay", decay), ("noise", noise));
        var parameters = new[]
        {
            Member("mse", 3e-3, "adam", "none", 0, "none"),
            Member("l1", 1e-2, "sgd", "cosine", 1e-4, "gaussian"),
            Member("bce", 1e-3, "adamw", "step", 1e-3, "masking"),
            Member("mse", 5e-3, "adam", "cosine", 0, "none"),
        };
        int?[] pruneAfter = [null, null, 2, null];
        var requests = parameters.Select((p, i) => TrainingFixture.Request(p, dataset, TrainingFixture.TempDirectory(), seed: 5 + (i * 3))).ToArray();
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
        }

        Assert.Equal(TrainingOutcome.Pruned, fused[2].Outcome);
        Assert.Equal(2, fused[2].EpochsRun);
        Assert.Equal(3, fused[3].EpochsRun);
    }

    [Fact]
    public void Conv_trials_with_different_channels_or_sampling_get_different_keys_and_learning_settings_do_not_matter()
    {
        var dataset = TrainingFixture.Synthetic();
        string? Key(params (string, object)[] p) =>
            FusedTrainer.FusionKey(TrainingFixture.Request(TrainingFixture.Parameters([("model", "conv"), .. p]), dataset, "unused"));

        Assert.NotNull(Key());
        Assert.NotEqual(Key(("channels", 8L)), Key(("channels", 16L)));
        Assert.NotEqual(Key(("downsampling", "strided")), Key(("downsampling", "maxpool")));
        Assert.NotEqual(Key(("upsampling", "transposed")), Key(("upsampling", "nearest")));
        Assert.NotEqual(Key(("depth", 1L)), Key(("depth", 2L)));
        Assert.NotEqual(Key(), FusedTrainer.FusionKey(TrainingFixture.Request(TrainingFixture.Parameters(("model", "dense")), dataset, "unused")));
        Assert.Equal(Key(("learning_rate", 1e-3), ("loss", "mse"), ("optimizer", "adam")), Key(("learning_rate", 1e-2), ("loss", "l1"), ("optimizer", "sgd")));
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(
            Math.Abs(expected - actual) <= (Tolerance * Math.Max(Math.Abs(expected), Math.Abs(actual))) + 1e-12,
            $"{what}: alone {expected:R}, fused {actual:R} (relative {Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300):E2})");
}
