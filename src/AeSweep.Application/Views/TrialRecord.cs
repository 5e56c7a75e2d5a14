using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Application.Views;

/// <summary>A trial with typed state and parameter values, for views that chart, rank and compare trials.</summary>
/// <remarks><see cref="FinalistOf"/>: for a finalist run, the id of the search trial it retrains.</remarks>
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
    string? Reason,
    string? FinalistOf = null,
    TrialOrigin Origin = TrialOrigin.Sampled,
    string? RetryOf = null)
{
    /// <summary>Whether this is a finalist run (<c>finalize:</c>) retraining the search trial <see cref="FinalistOf"/>.</summary>
    public bool IsFinalistRun => FinalistOf is not null;
}
