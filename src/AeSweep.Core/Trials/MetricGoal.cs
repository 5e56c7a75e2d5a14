namespace AeSweep.Core.Trials;

/// <summary>Whether a sweep looks for the smallest or the largest metric value.</summary>
public enum MetricGoal
{
    /// <summary>Smaller is better (losses, errors).</summary>
    Minimize,
    /// <summary>Larger is better (PSNR, SSIM, accuracy).</summary>
    Maximize,
}
