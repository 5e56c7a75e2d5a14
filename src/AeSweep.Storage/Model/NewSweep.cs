using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A sweep to create. <paramref name="Id"/> may be left null: the store then makes a short readable one.
/// <paramref name="MaxAttempts"/> is the definition's budget.max_attempts.
/// </summary>
public sealed record NewSweep(
    string Name,
    string DefinitionText,
    SweepDefinitionFormat DefinitionFormat,
    string MetricName,
    MetricGoal MetricGoal,
    long? Seed,
    string? Id = null,
    int MaxAttempts = 3);
