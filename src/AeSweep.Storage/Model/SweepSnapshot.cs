using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A sweep as it is stored at one moment. The budget columns are null for sweeps stored before they existed (the
/// definition document holds the budget either way).
/// </summary>
public sealed record SweepSnapshot(
    string Id,
    string Name,
    string DefinitionText,
    SweepDefinitionFormat DefinitionFormat,
    SweepState State,
    long? Seed,
    string MetricName,
    MetricGoal MetricGoal,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Reason,
    int? MaxTrials = null,
    int? MaxParallel = null,
    double? MaxMinutes = null)
{
    /// <summary>The user's Markdown notes; null when there are none.</summary>
    public string? Notes { get; init; }
}
