using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Metrics;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>val_denoise_psnr and val_denoise_ssim: corrupted validation input → reconstruction, against the clean image.</summary>
public sealed class DenoisingMetricsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void A_trained_denoiser_restores_the_clean_image_better_than_the_corrupted_input_does()
    {
        var dataset = TrainingFixture.FashionMnist(3000);
        var result = TrialTrainer.Train(
            TrainingFixture.Request(
                TrainingFixture.Parameters(("model", "denoising"), ("noise_level", 0.4), ("code_size", 32L), ("width", 128L), ("depth", 1L), ("epochs", 8L), ("batch_size", 64L), ("learning_rate", 0.003)),
                dataset,
                TrainingFixture.TempDirectory()),
            new RecordingObserver(),
            CancellationToken.None);
        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);

        // The same corruption handed back unchanged: the score of doing nothing.
        using var data = DatasetLoader.Load(dataset, 42, CPU);
        using var identity = new IdentityAutoencoder(data.Features);
        var untouched = DenoisingMetrics.Evaluate(identity, data.Validation, data.Shape, new InputNoise(InputNoiseKind.Gaussian, 0.4, true), 42);

        output.WriteLine($"val_denoise_psnr {result.Metrics[MetricNames.ValidationDenoisePsnr]:F2} dB (corrupted input {untouched[MetricNames.ValidationDenoisePsnr]:F2} dB), " +
            $"val_denoise_ssim {result.Metrics[MetricNames.ValidationDenoiseSsim]:F4} (corrupted input {untouched[MetricNames.ValidationDenoiseSsim]:F4}), val_psnr {result.Metrics[MetricNames.ValidationPsnr]:F2} dB");
        Assert.True(
            result.Metrics[MetricNames.ValidationDenoisePsnr] > untouched[MetricNames.ValidationDenoisePsnr] + 3,
            $"denoised {result.Metrics[MetricNames.ValidationDenoisePsnr]:F2} dB, corrupted input {untouched[MetricNames.ValidationDenoisePsnr]:F2} dB");
        Assert.True(result.Metrics[MetricNames.ValidationDenoiseSsim] > untouched[MetricNames.ValidationDenoiseSsim]);
    }

    [Fact]
    public void Every_trial_of_a_sweep_is_scored_on_the_same_corruption()
    {
        using var data = DatasetLoader.Load(TrainingFixture.Synthetic(300), 42, CPU);
        using var identity = new IdentityAutoencoder(data.Features);
        var noise = new InputNoise(InputNoiseKind.Masking, 0.3, true);

        var first = DenoisingMetrics.Evaluate(identity, data.Validation, data.Shape, noise, 42);
        var again = DenoisingMetrics.Evaluate(identity, data.Validation, data.Shape, noise, 42);
        var otherSweep = DenoisingMetrics.Evaluate(identity, data.Validation, data.Shape, noise, 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first[MetricNames.ValidationDenoisePsnr], otherSweep[MetricNames.ValidationDenoisePsnr]);
    }

    [Fact]
    public void Only_trials_trained_on_corrupted_inputs_report_denoising_quality()
    {
        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("model", "dense"), ("code_size", 4L), ("width", 32L), ("epochs", 1L)), TrainingFixture.Synthetic(300), TrainingFixture.TempDirectory()),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.DoesNotContain(MetricNames.ValidationDenoisePsnr, result.Metrics.Keys);
        Assert.DoesNotContain(MetricNames.ValidationDenoiseSsim, result.Metrics.Keys);
    }

    [Fact]
    public void Ranking_by_denoising_psnr_computes_it_once_on_the_final_model_not_each_epoch()
    {
        var observer = new RecordingObserver();
        var request = TrainingFixture.Request(
            TrainingFixture.Parameters(("model", "denoising"), ("code_size", 4L), ("width", 32L), ("epochs", 2L)), TrainingFixture.Synthetic(300), TrainingFixture.TempDirectory())
            with { Metric = MetricNames.ValidationDenoisePsnr };

        var result = TrialTrainer.Train(request, observer, CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.All(observer.Reports, r => Assert.Equal([MetricNames.ValidationMse], r.Metrics.Keys));
        Assert.True(double.IsFinite(result.Metrics[MetricNames.ValidationDenoisePsnr]));
    }

    /// <summary>Hands its input back: scores the corrupted input itself.</summary>
    private sealed class IdentityAutoencoder(int features) : Autoencoder(nameof(IdentityAutoencoder), features)
    {
        public override Tensor Encode(Tensor input) => input.alias();

        public override Tensor Decode(Tensor code) => code.alias();
    }
}
