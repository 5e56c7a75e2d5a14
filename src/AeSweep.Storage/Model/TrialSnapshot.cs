using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>A trial as it is stored at one moment (Optuna's FrozenTrial).</summary>
/// <remarks>
/// <see cref="FinalistOf"/>: for a finalist run, the id of the search trial it retrains; null for sampled trials.
/// <see cref="Origin"/>, <see cref="RetryOf"/>, <see cref="Held"/>: where the configuration came from, the trial a retry
/// runs again, and whether an enqueued trial still waits for a budget.max_parallel place.
/// </remarks>
public sealed record TrialSnapshot(
    string Id,
    string SweepId,
    int Number,
    TrialState State,
    IReadOnlyDictionary<string, ParameterValue> Parameters,
    int Attempt,
    string? WorkerId,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset? LastHeartbeatAt,
    int? CheckpointEpoch,
    string? CheckpointPath,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, double>? FinalMetrics,
    double? ObjectiveValue,
    string? Reason,
    string? FinalistOf = null,
    TrialOrigin Origin = TrialOrigin.Sampled,
    string? RetryOf = null,
    bool Held = false)
{
    /// <summary>Whether this is a finalist run (<c>finalize:</c>): a search trial's configuration retrained with a new seed.</summary>
    public bool IsFinalistRun => FinalistOf is not null;

    /// <summary>The user's Markdown notes; null when there are none.</summary>
    public string? Notes { get; init; }

    /// <summary>The lease a worker holds on this trial while it runs; null unless running.</summary>
    public TrialLease? Lease => State == TrialState.Running && WorkerId is not null ? new TrialLease(Id, WorkerId, Attempt) : null;
}
