using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

/// <summary>The metric that ranks trials and drives search and pruning.</summary>
/// <param name="Name">The metric's name, e.g. <c>val_mse</c>.</param>
/// <param name="Goal">Minimize or maximize.</param>
public sealed record MetricSpec(string Name, MetricGoal Goal)
{
    /// <summary>The default: validation MSE, minimized.</summary>
    public static MetricSpec Default { get; } = new(MetricNames.ValidationMse, MetricGoal.Minimize);

    /// <summary>
    /// W&amp;B's <c>metric.target</c>: once a completed trial reaches it (at or below for minimize, at or above for
    /// maximize) no new trials start, and the sweep completes when the running ones end. Null: no target.
    /// </summary>
    public double? Target { get; init; }

    /// <summary>Whether <paramref name="value"/> reaches <see cref="Target"/>.</summary>
    public bool Reaches(double value) =>
        Target is { } target && double.IsFinite(value) && (Goal == MetricGoal.Minimize ? value <= target : value >= target);
}
