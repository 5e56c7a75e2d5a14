using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>One point a sampler's model is fitted on: a trial and its metric value at one budget.</summary>
/// <param name="Trial">The trial (completed, pruned or still running).</param>
/// <param name="Value">
/// The metric value as reported, in the metric's own direction (apply <see cref="MetricGoalExtensions.ToMinimized"/>
/// for a loss); never NaN.
/// </param>
/// <param name="Budget">The step (epoch) the value belongs to; null when the values are completed trials' final values.</param>
public sealed record ModelObservation(FrozenTrial Trial, double Value, int? Budget);
