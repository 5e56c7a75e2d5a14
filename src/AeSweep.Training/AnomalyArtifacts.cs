using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Evaluation;
using AeSweep.Training.Data;
using AeSweep.Training.Imaging;
using AeSweep.Training.Metrics;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>The pictures of an anomaly-detection trial: the score histogram and the most and least anomalous samples.</summary>
internal static class AnomalyArtifacts
{
    /// <summary>The score histogram, normal against anomalous validation samples.</summary>
    public const string ScoreHistogramName = "anomaly_scores";

    /// <summary>The most and least anomalous validation samples with their reconstructions.</summary>
    public const string GalleryName = "anomaly_gallery";

    /// <summary>Samples per gallery section.</summary>
    public const int GalleryColumns = 8;

    /// <summary>Writes the pictures into <paramref name="directory"/> and records them in <paramref name="artifacts"/>.</summary>
    public static void Write(string directory, Autoencoder model, TrainingData data, DatasetSpec dataset, Dictionary<string, string> artifacts)
    {
        if (data.AnomalyClasses is not { } anomalyClasses || data.ValidationLabels is not { } labelTensor)
        {
            return;
        }

        var names = DatasetClasses.NamesOf(dataset);
        var labels = labelTensor.data<long>().ToArray();
        var anomalous = AnomalyScores.IsAnomalous(labelTensor, anomalyClasses);
        var scores = AnomalyScores.PerSample(model, data.Validation);
        if (!scores.All(double.IsFinite) || anomalous.All(a => a) || !anomalous.Any(a => a))
        {
            return;
        }

        var heldOut = string.Join(", ", anomalyClasses.Select(c => DatasetClasses.Describe(names, c)));
        var auroc = BinaryRanking.Auroc(scores, anomalous);
        var histogram = Path.Combine(directory, ScoreHistogramName + ".png");
        ScoreHistogram.Write(
            histogram,
            scores,
            anomalous,
            $"normal classes (n = {anomalous.Count(a => !a)})",
            $"held out: {heldOut} (n = {anomalous.Count(a => a)})",
            $"Validation anomaly scores · AUROC {auroc.ToString("0.000", CultureInfo.InvariantCulture)}");
        artifacts[ScoreHistogramName] = histogram;

        if (!data.Shape.IsImage)
        {
            return;
        }

        // Ties broken by index, so the gallery is the same for equal scores.
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var count = Math.Min(GalleryColumns, order.Length / 2);
        var most = order.Take(count).ToArray();
        var least = order.Reverse().Take(count).ToArray();
        var gallery = Path.Combine(directory, GalleryName + ".png");
        AnomalyGallery.Write(
            gallery,
            data.Shape,
            new AnomalyGallerySection("Most anomalous validation samples (highest reconstruction error)", Samples(most)),
            new AnomalyGallerySection("Least anomalous validation samples (lowest reconstruction error)", Samples(least)));
        artifacts[GalleryName] = gallery;

        List<AnomalyGallerySample> Samples(int[] rows)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            model.eval();
            var inputs = data.Validation.index_select(0, tensor(rows.Select(r => (long)r).ToArray(), device: data.Validation.device));
            var reconstructions = model.call(inputs).to_type(ScalarType.Float32).cpu();
            var cpuInputs = inputs.to_type(ScalarType.Float32).cpu();
            return [.. rows.Select((row, i) => new AnomalyGallerySample(
                cpuInputs[i].data<float>().ToArray(),
                reconstructions[i].data<float>().ToArray(),
                DatasetClasses.Describe(names, labels[row]),
                anomalous[row],
                scores[row]))];
        }
    }
}
