using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

/// <summary>The evaluation metrics AeSweep computes the same way for every trial, whatever its training loss.</summary>
public static class BuiltInMetrics
{
    /// <summary>Each metric with the goal that makes sense for it.</summary>
    public static IReadOnlyDictionary<string, MetricGoal> Goals { get; } = new Dictionary<string, MetricGoal>(StringComparer.Ordinal)
    {
        ["val_mse"] = MetricGoal.Minimize,
        ["val_l1"] = MetricGoal.Minimize,
        ["val_bce"] = MetricGoal.Minimize,
        ["val_psnr"] = MetricGoal.Maximize,
        ["val_ssim"] = MetricGoal.Maximize,
    };

    /// <summary>Metrics defined only for image data.</summary>
    public static IReadOnlySet<string> ImageOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { "val_psnr", "val_ssim" };
}
