using AeSweep.Core.Definitions;
using static TorchSharp.torch;

namespace AeSweep.Training.Data;

/// <summary>
/// <c>dataset.anomaly_classes</c> applied to the data: the training split loses the held-out classes (the model learns
/// what normal looks like), validation and test keep every class (they measure how well the reconstruction error
/// singles the held-out classes out). The split itself is unchanged, so validation samples are the same as without it.
/// </summary>
internal static class AnomalyHoldOut
{
    /// <summary>The rows of <paramref name="trainIndex"/> whose label is not an anomaly class; all of them without anomaly classes.</summary>
    public static Tensor NormalRows(Tensor trainIndex, Tensor? labels, ClassLabels? anomalyClasses)
    {
        if (anomalyClasses is null)
        {
            return trainIndex;
        }

        if (labels is null)
        {
            throw new InvalidDataException("dataset.anomaly_classes: this dataset has no class labels (IDX needs labels:, CSV needs label_column:)");
        }

        CheckClassesOccur(labels, anomalyClasses);
        var normal = IsAnomalous(labels.index_select(0, trainIndex), anomalyClasses).logical_not();
        var kept = trainIndex.masked_select(normal);
        if (kept.shape[0] == 0)
        {
            throw new InvalidDataException($"dataset.anomaly_classes: every training sample belongs to a held-out class {anomalyClasses}; no normal sample is left to train on");
        }

        return kept;
    }

    /// <summary>True where a label is one of <paramref name="anomalyClasses"/> (bool, on the labels' device).</summary>
    public static Tensor IsAnomalous(Tensor labels, ClassLabels anomalyClasses)
    {
        var mask = zeros_like(labels, dtype: ScalarType.Bool);
        foreach (var label in anomalyClasses)
        {
            mask = mask.logical_or(labels.eq(label));
        }

        return mask;
    }

    /// <summary>
    /// Checks that the validation split holds both normal and anomalous samples: AUROC and AUPRC are undefined otherwise.
    /// </summary>
    public static void Check(TrainingData data, ClassLabels anomalyClasses)
    {
        if (data.ValidationLabels is null)
        {
            throw new InvalidDataException("dataset.anomaly_classes: this dataset has no class labels (IDX needs labels:, CSV needs label_column:)");
        }

        var anomalous = IsAnomalous(data.ValidationLabels, anomalyClasses).sum().item<long>();
        var count = data.ValidationLabels.shape[0];
        if (anomalous == 0 || anomalous == count)
        {
            throw new InvalidDataException(
                $"dataset.anomaly_classes: the {count} validation samples hold {(anomalous == 0 ? "no anomalous" : "no normal")} sample, so AUROC is undefined; raise dataset.limit or dataset.validation_split");
        }
    }

    // What only the files can tell (IDX, CSV): every held-out class labels some loaded sample (training or validation).
    private static void CheckClassesOccur(Tensor labels, ClassLabels anomalyClasses)
    {
        var seen = new HashSet<long>(labels.data<long>().ToArray());
        for (var i = 0; i < anomalyClasses.Count; i++)
        {
            if (!seen.Contains(anomalyClasses[i]))
            {
                var known = seen.Order().Take(20).ToList();
                throw new InvalidDataException(
                    $"dataset.anomaly_classes[{i}]: class {anomalyClasses[i]} occurs in none of the loaded samples (their classes: {string.Join(", ", known)}{(seen.Count > known.Count ? ", …" : string.Empty)})");
            }
        }
    }
}
