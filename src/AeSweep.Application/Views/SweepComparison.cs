using AeSweep.Core.Trials;

namespace AeSweep.Application.Views;

/// <summary>
/// Sweeps side by side (the compare-sweeps page). <see cref="Sweeps"/> share <see cref="MetricName"/> (the first
/// sweep's) and are in the order asked; <see cref="OtherMetric"/> are the asked sweeps ranked by another metric, left
/// out of the comparison; <see cref="Missing"/> are the asked ids with no sweep. <see cref="Parameters"/> are the
/// searched parameters of the compared sweeps: the first sweep's in its file's order, then the others' new ones.
/// </summary>
public sealed record SweepComparison(
    string MetricName,
    MetricGoal Goal,
    IReadOnlyList<ComparedSweep> Sweeps,
    IReadOnlyList<SweepRecord> OtherMetric,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Parameters);
