using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// Evaluation metrics, computed the same way for every trial whatever its training loss, on clean inputs with the
/// deterministic forward pass: mse, l1 (means over all values), bce (data in [0, 1] only; outputs clamped to
/// [1e-7, 1 − 1e-7]), and for images psnr (mean over images of 10·log10(1 / mse_image), data range 1) and ssim.
/// Each metric has its own accumulator, so computing a subset gives the same numbers as the full suite.
/// </summary>
public static class ReconstructionMetrics
{
    private const int EvaluationBatch = 1000;

    /// <summary>
    /// Evaluates <paramref name="model"/> on <paramref name="samples"/>, naming each result <paramref name="prefix"/> + the
    /// metric: <paramref name="only"/> the metrics listed (unprefixed: mse, l1, bce, psnr, ssim), or, when null, every one
    /// that applies to the data.
    /// </summary>
    public static Dictionary<string, double> Evaluate(
        Autoencoder model, Tensor samples, SampleShape shape, bool unitInterval, string prefix, IReadOnlyCollection<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        bool Wanted(string metric) => only is null || only.Contains(metric);
        var mse = Wanted(MetricNames.Mse);
        var l1 = Wanted(MetricNames.L1);
        var bce = unitInterval && Wanted(MetricNames.Bce);
        var psnrWanted = shape.IsImage && unitInterval && Wanted(MetricNames.Psnr);
        var ssimWanted = shape.IsImage && unitInterval && Wanted(MetricNames.Ssim);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var count = samples.shape[0];
            var device = samples.device;
            var squared = zeros(1, dtype: ScalarType.Float64, device: device);
            var absolute = zeros(1, dtype: ScalarType.Float64, device: device);
            var crossEntropy = zeros(1, dtype: ScalarType.Float64, device: device);
            var psnr = zeros(1, dtype: ScalarType.Float64, device: device);
            var ssim = zeros(1, dtype: ScalarType.Float64, device: device);
            for (long start = 0; start < count; start += EvaluationBatch)
            {
                using var batchScope = NewDisposeScope();
                var x = samples.narrow(0, start, Math.Min(EvaluationBatch, count - start));
                var r = model.call(x);
                var difference = r - x;
                if (mse)
                {
                    squared.add_(difference.square().sum().to_type(ScalarType.Float64));
                }

                if (l1)
                {
                    absolute.add_(difference.abs().sum().to_type(ScalarType.Float64));
                }

                if (bce)
                {
                    var clamped = r.clamp(1e-7, 1 - 1e-7);
                    var perValue = -((x * clamped.log()) + ((1 - x) * (1 - clamped).log()));
                    crossEntropy.add_(perValue.sum().to_type(ScalarType.Float64));
                }

                if (psnrWanted)
                {
                    var perImageMse = difference.square().mean([1]).clamp_min(1e-10);
                    psnr.add_((-10.0 * perImageMse.log10()).sum().to_type(ScalarType.Float64));
                }

                if (ssimWanted)
                {
                    var image = new long[] { -1, shape.Channels, shape.Height, shape.Width };
                    ssim.add_(StructuralSimilarity.PerImage(r.reshape(image), x.reshape(image)).sum().to_type(ScalarType.Float64));
                }
            }

            var values = (double)count * shape.Features;
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (mse)
            {
                metrics[prefix + MetricNames.Mse] = squared.item<double>() / values;
            }

            if (l1)
            {
                metrics[prefix + MetricNames.L1] = absolute.item<double>() / values;
            }

            if (bce)
            {
                metrics[prefix + MetricNames.Bce] = crossEntropy.item<double>() / values;
            }

            if (psnrWanted)
            {
                metrics[prefix + MetricNames.Psnr] = psnr.item<double>() / count;
            }

            if (ssimWanted)
            {
                metrics[prefix + MetricNames.Ssim] = ssim.item<double>() / count;
            }

            return metrics;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
