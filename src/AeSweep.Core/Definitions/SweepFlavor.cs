namespace AeSweep.Core.Definitions;

/// <summary>
/// Which dialect a sweep file is written in. The two agree on most keys; where they differ (W&amp;B's
/// <c>log_uniform</c> takes natural-log exponents, ours the values; W&amp;B's <c>program</c> is a script run by its
/// <c>command</c> template; W&amp;B runs until stopped when no run cap is given) the flavour decides.
/// </summary>
public enum SweepFlavor
{
    /// <summary>AeSweep's own sweep file.</summary>
    AeSweep,

    /// <summary>A W&amp;B sweep configuration (<c>program: train.py</c>, <c>command</c>, <c>run_cap</c>, <c>method: bayes</c>, ...).</summary>
    Wandb,
}
