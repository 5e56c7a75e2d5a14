using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A sweep to create. <paramref name="Id"/> may be left null: the store then makes a short readable one.
/// <paramref name="MaxAttempts"/> is the definition's budget.max_attempts; <paramref name="MaxTrials"/>,
/// <paramref name="MaxParallel"/> and <paramref name="MaxMinutes"/> its budget.max_trials, max_parallel and max_minutes,
/// stored as columns for queries (the application reads the budget from the definition document).
/// </summary>
public sealed record NewSweep(
    string Name,
    string DefinitionText,
    SweepDefinitionFormat DefinitionFormat,
    string MetricName,
    MetricGoal MetricGoal,
    long? Seed,
    string? Id = null,
    int MaxAttempts = 3,
    int? MaxTrials = null,
    int? MaxParallel = null,
    double? MaxMinutes = null);
