using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Evaluation;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// Anomaly detection by reconstruction error. A sample's anomaly score is the mean squared error of its reconstruction
/// (over its values), with the model's deterministic forward pass on the clean input: for a VAE that is the decoding of
/// the posterior mean μ(x), with no sampling, so a score does not change from one evaluation to the next and ranks by
/// what the model reconstructs best, not by a draw. AUROC and AUPRC then measure how well the scores rank the held-out
/// classes above the rest (<see cref="BinaryRanking"/>).
/// </summary>
public static class AnomalyScores
{
    private const int EvaluationBatch = 1000;

    /// <summary>The anomaly score of each row of <paramref name="samples"/>: its reconstruction's mean squared error.</summary>
    public static double[] PerSample(Autoencoder model, Tensor samples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var count = samples.shape[0];
            var scores = new double[count];
            for (long start = 0; start < count; start += EvaluationBatch)
            {
                using var batchScope = NewDisposeScope();
                var x = samples.narrow(0, start, Math.Min(EvaluationBatch, count - start));
                var perSample = (model.call(x) - x).square().mean([1]).to_type(ScalarType.Float64).cpu();
                perSample.data<double>().CopyTo(scores, (int)start);
            }

            return scores;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Whether each label is one of <paramref name="anomalyClasses"/>.</summary>
    public static bool[] IsAnomalous(Tensor labels, ClassLabels anomalyClasses)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(anomalyClasses);
        return [.. labels.cpu().data<long>().ToArray().Select(l => l is >= 0 and <= int.MaxValue && anomalyClasses.Contains((int)l))];
    }

    /// <summary>
    /// <paramref name="prefix"/> + <c>auroc</c> and <c>auprc</c> of <paramref name="model"/>'s scores on labelled samples;
    /// only those in <paramref name="only"/> (unprefixed) when given. Empty when the samples lack either kind.
    /// </summary>
    public static Dictionary<string, double> Evaluate(
        Autoencoder model, Tensor samples, Tensor labels, ClassLabels anomalyClasses, string prefix, IReadOnlyCollection<string>? only = null)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var auroc = only is null || only.Contains(MetricNames.Auroc);
        var auprc = only is null || only.Contains(MetricNames.Auprc);
        if (!auroc && !auprc)
        {
            return metrics;
        }

        var anomalous = IsAnomalous(labels, anomalyClasses);
        if (anomalous.All(a => a) || !anomalous.Any(a => a))
        {
            return metrics;
        }

        var scores = PerSample(model, samples);
        // A diverged model's NaN scores cannot be ranked: report NaN so the trial fails as any non-finite metric does.
        var ranked = scores.All(double.IsFinite);
        if (auroc)
        {
            metrics[prefix + MetricNames.Auroc] = ranked ? BinaryRanking.Auroc(scores, anomalous) : double.NaN;
        }

        if (auprc)
        {
            metrics[prefix + MetricNames.Auprc] = ranked ? BinaryRanking.AveragePrecision(scores, anomalous) : double.NaN;
        }

        return metrics;
    }
}
