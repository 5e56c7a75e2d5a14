using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// Denoising quality: each validation image is corrupted with the trial's own input noise (the corruption it trains
/// with), reconstructed by the deterministic forward pass, and compared with the clean image — PSNR (mean over images
/// of 10·log10(1 / mse_image), data range 1) and SSIM, as in <see cref="ReconstructionMetrics"/>. The corruption is
/// drawn from a generator seeded by the sweep's data seed, so every trial of a sweep denoises the same noisy images.
/// </summary>
public static class DenoisingMetrics
{
    private const int EvaluationBatch = 1000;

    // Keeps the corruption's random stream apart from the gallery's and the split's, which use the same data seed.
    private const ulong StreamSalt = 0xd3_0153;

    /// <summary>The generator seed of a sweep's validation corruption.</summary>
    public static ulong CorruptionSeed(long dataSeed) => unchecked((ulong)dataSeed) ^ StreamSalt;

    /// <summary>
    /// <c>val_denoise_psnr</c> and <c>val_denoise_ssim</c> of <paramref name="model"/> on <paramref name="clean"/> images
    /// (rows of <paramref name="shape"/>, values in [0, 1]) corrupted by <paramref name="noise"/>.
    /// </summary>
    public static Dictionary<string, double> Evaluate(Autoencoder model, Tensor clean, SampleShape shape, InputNoise noise, long dataSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(noise);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            using var generator = new Generator(CorruptionSeed(dataSeed), clean.device);
            var count = clean.shape[0];
            var psnr = zeros(1, dtype: ScalarType.Float64, device: clean.device);
            var ssim = zeros(1, dtype: ScalarType.Float64, device: clean.device);
            var image = new long[] { -1, shape.Channels, shape.Height, shape.Width };
            for (long start = 0; start < count; start += EvaluationBatch)
            {
                using var batchScope = NewDisposeScope();
                var x = clean.narrow(0, start, Math.Min(EvaluationBatch, count - start));
                var r = model.call(noise.Apply(x, generator));
                var perImageMse = (r - x).square().mean([1]).clamp_min(1e-10);
                psnr.add_((-10.0 * perImageMse.log10()).sum().to_type(ScalarType.Float64));
                ssim.add_(StructuralSimilarity.PerImage(r.reshape(image), x.reshape(image)).sum().to_type(ScalarType.Float64));
            }

            return new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [MetricNames.ValidationDenoisePsnr] = psnr.item<double>() / count,
                [MetricNames.ValidationDenoiseSsim] = ssim.item<double>() / count,
            };
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
