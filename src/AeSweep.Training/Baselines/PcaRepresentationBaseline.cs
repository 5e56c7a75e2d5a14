using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Metrics;
using static TorchSharp.torch;

namespace AeSweep.Training.Baselines;

/// <summary>
/// The representation measures on PCA codes at the trial's code size: <c>pca_val_knn_accuracy</c> and
/// <c>pca_val_linear_probe_accuracy</c>, computed exactly as the autoencoder's (<see cref="RepresentationMetrics"/>:
/// same reference codes, same k, same probe), with the PCA fitted on every training sample as for <c>pca_val_mse</c>.
/// </summary>
public static class PcaRepresentationBaseline
{
    /// <summary>Both measures; empty when the data has no labels.</summary>
    public static Dictionary<string, double> Measure(TrainingData data, int components)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        if (RepresentationMetrics.Reference(data) is not { } reference)
        {
            return [];
        }

        var codes = PcaBaseline.Codes(data.Train, components, reference.Samples, data.Validation);
        return RepresentationMetrics.Measure(codes[0], reference.Labels, codes[1], data.ValidationLabels!, reference.Classes, "pca_" + MetricNames.ValidationPrefix);
    }
}
