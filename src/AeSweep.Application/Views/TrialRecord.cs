using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Application.Views;

/// <summary>A trial with typed state and parameter values, for views that chart, rank and compare trials.</summary>
public sealed record TrialRecord(
    string Id,
    string SweepId,
    int Number,
    TrialState State,
    IReadOnlyDictionary<string, ParameterValue> Parameters,
    int Attempt,
    string? WorkerId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, double>? FinalMetrics,
    double? ObjectiveValue,
    string? Reason);
