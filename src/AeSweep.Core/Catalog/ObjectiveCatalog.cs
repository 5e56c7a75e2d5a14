using AeSweep.Core.Trials;

namespace AeSweep.Core.Catalog;

/// <summary>
/// What a multi-objective sweep (<c>metrics:</c>) may trade off besides the metrics training computes: the model's
/// cost. <c>code_size</c> is a parameter (the bottleneck's width, the "rate" of rate–distortion), taken from the
/// trial's configuration when the trainer does not report it; <c>parameter_count</c> and <c>train_seconds</c> are
/// final metrics built-in training reports. All three are better when smaller.
/// </summary>
public static class ObjectiveCatalog
{
    /// <summary>The least number of objectives in <c>metrics:</c>.</summary>
    public const int MinObjectives = 2;

    /// <summary>The most objectives in <c>metrics:</c> (the hypervolume of more is costly and the front hard to read).</summary>
    public const int MaxObjectives = 3;

    /// <summary>The cost objectives, in the order messages list them.</summary>
    public static IReadOnlyList<string> CostNames { get; } = [ParameterNames.CodeSize, MetricNames.ParameterCount, MetricNames.TrainSeconds];

    /// <summary>Whether <paramref name="name"/> is a cost objective (always minimized).</summary>
    public static bool IsCost(string name) => CostNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The natural goal of a cost objective: smaller is better.</summary>
    public static MetricGoal CostGoal => MetricGoal.Minimize;

    /// <summary>A short label with the unit, for axes and tables ("code size (dimensions)").</summary>
    public static string Label(string name) => name switch
    {
        ParameterNames.CodeSize => "code size (dimensions)",
        MetricNames.ParameterCount => "trainable parameters",
        MetricNames.TrainSeconds => "training time (s)",
        _ => MetricCatalog.Find(name) is { } metric ? metric.Unit is { } unit ? $"{metric.Label} ({unit})" : metric.Label : name,
    };
}
