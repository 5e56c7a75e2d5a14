namespace AeSweep.Storage.Model;

/// <summary>A running trial sent back to pending because its worker was lost; it resumes from its checkpoint.</summary>
public sealed record RequeuedTrial(
    string TrialId,
    string SweepId,
    int Number,
    int Attempt,
    string? PreviousWorkerId,
    int? CheckpointEpoch,
    string? CheckpointPath);
