using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// Representation quality, for data with class labels: how well the codes (a VAE's mean) separate the classes.
/// <c>val_knn_accuracy</c> is <see cref="NearestNeighbourAccuracy"/> (k = <see cref="NearestNeighbourAccuracy.K"/>) with
/// the first <see cref="ReferenceLimit"/> training codes as the reference set; <c>val_linear_probe_accuracy</c> is a
/// <see cref="LinearProbe"/> fitted on those same training codes; both are scored on every validation code. The
/// training split is a random permutation, so its first rows are a random sample.
/// </summary>
public static class RepresentationMetrics
{
    /// <summary>Training codes used at most: enough for stable accuracies, small enough to take well under a second.</summary>
    public const int ReferenceLimit = 10_000;

    /// <summary>Label values at most (a label column of ids rather than classes would make the probe huge).</summary>
    public const int MaxClasses = 1000;

    private const int EncodeBatch = 1000;

    /// <summary>Both measures on the codes of <paramref name="model"/>; empty when the data has no labels (or too many classes).</summary>
    public static Dictionary<string, double> Evaluate(Autoencoder model, TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        using var scope = NewDisposeScope();
        if (Reference(data) is not { } reference)
        {
            return [];
        }

        var trainCodes = Encode(model, reference.Samples);
        var validationCodes = Encode(model, data.Validation);
        return Measure(trainCodes, reference.Labels, validationCodes, data.ValidationLabels!, reference.Classes, MetricNames.ValidationPrefix);
    }

    /// <summary>The training samples and labels that serve as the reference set, and the class count; null without labels.</summary>
    public static (Tensor Samples, Tensor Labels, int Classes)? Reference(TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.TrainLabels is not { } trainLabels || data.ValidationLabels is not { } validationLabels
            || trainLabels.shape[0] == 0 || validationLabels.shape[0] == 0)
        {
            return null;
        }

        var classes = Math.Max(trainLabels.max().item<long>(), validationLabels.max().item<long>()) + 1;
        if (classes > MaxClasses || Math.Min(trainLabels.min().item<long>(), validationLabels.min().item<long>()) < 0)
        {
            return null;
        }

        var count = Math.Min(ReferenceLimit, data.Train.shape[0]);
        return (data.Train.narrow(0, 0, count), trainLabels.narrow(0, 0, count), (int)classes);
    }

    /// <summary>
    /// k-NN and linear-probe accuracy of <paramref name="validationCodes"/> against <paramref name="trainCodes"/>,
    /// named <paramref name="prefix"/> + <c>knn_accuracy</c> / <c>linear_probe_accuracy</c> (the PCA baseline uses this too).
    /// </summary>
    public static Dictionary<string, double> Measure(Tensor trainCodes, Tensor trainLabels, Tensor validationCodes, Tensor validationLabels, int classes, string prefix) =>
        new(StringComparer.Ordinal)
        {
            [prefix + MetricNames.KnnAccuracy] = NearestNeighbourAccuracy.Measure(trainCodes, trainLabels, validationCodes, validationLabels, classes),
            [prefix + MetricNames.LinearProbeAccuracy] = LinearProbe.Measure(trainCodes, trainLabels, validationCodes, validationLabels, classes),
        };

    private static Tensor Encode(Autoencoder model, Tensor samples)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var parts = new List<Tensor>();
            for (long start = 0; start < samples.shape[0]; start += EncodeBatch)
            {
                parts.Add(model.Encode(samples.narrow(0, start, Math.Min(EncodeBatch, samples.shape[0] - start))).flatten(1).to_type(ScalarType.Float32));
            }

            return cat(parts, 0);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
