using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>A trial as it is stored at one moment (Optuna's FrozenTrial).</summary>
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
    string? Reason)
{
    /// <summary>The lease a worker holds on this trial while it runs; null unless running.</summary>
    public TrialLease? Lease => State == TrialState.Running && WorkerId is not null ? new TrialLease(Id, WorkerId, Attempt) : null;
}
