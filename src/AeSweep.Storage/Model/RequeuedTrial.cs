using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A running trial whose worker was lost or shut down: sent back to pending to resume from its checkpoint, or — when
/// its lost workers reached budget.max_attempts — failed with <paramref name="Reason"/>.
/// </summary>
public sealed record RequeuedTrial(
    string TrialId,
    string SweepId,
    int Number,
    int Attempt,
    string? PreviousWorkerId,
    int? CheckpointEpoch,
    string? CheckpointPath,
    TrialState State = TrialState.Pending,
    string? Reason = null);
