using AeSweep.Core.Definitions;
using AeSweep.Training.Baselines;
using AeSweep.Training.Metrics;

namespace AeSweep.Training;

/// <summary>
/// The evaluation suite measured once, on the final model, beside the reconstruction metrics: denoising quality for
/// trials trained on corrupted inputs (<see cref="DenoisingMetrics"/>), and for data with class labels representation
/// quality (<see cref="RepresentationMetrics"/>) beside the PCA codes' (<see cref="PcaRepresentationBaseline"/>). Each measure applies only where its data
/// exists, so a trial reports what it can and the validator keeps sweeps from ranking by what their trials lack.
/// </summary>
internal static class FinalEvaluation
{
    public static Dictionary<string, double> Measure(TrainingRequest request, TrialRun run)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        using var nativeWork = TorchRuntime.NativeWork();
        if (MeasuresDenoising(run))
        {
            foreach (var (name, value) in DenoisingMetrics.Evaluate(run.Model, run.Data.Validation, run.Data.Shape, run.Noise, request.DataSeed))
            {
                metrics[name] = value;
            }
        }

        // With class labels: how well the codes separate the classes, and the same on PCA codes of the same size.
        foreach (var (name, value) in RepresentationMetrics.Evaluate(run.Model, run.Data)
                     .Concat(PcaBaselineCache.Representation(run.Data, run.Settings.CodeSize)))
        {
            metrics[name] = value;
        }

        return metrics;
    }

    // The denoising family always (even at noise level 0), and any family trained on corrupted inputs; images in [0, 1].
    private static bool MeasuresDenoising(TrialRun run) =>
        (run.Settings.Family == ModelFamily.Denoising || run.Noise.IsActive) && run.Data.Shape.IsImage && run.Data.InUnitInterval;
}
