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
}
