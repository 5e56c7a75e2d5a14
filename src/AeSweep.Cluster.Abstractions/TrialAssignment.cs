using AeSweep.Core.Search;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// A trial handed to a worker slot: its configuration, the typed training spec of its sweep (no definition text),
/// and where to resume from if it ran before.
/// </summary>
[GenerateSerializer, Immutable, Alias("aesweep.trial-assignment")]
public sealed record TrialAssignment(
    [property: Id(0)] TrialLeaseToken Lease,
    [property: Id(1)] string SweepId,
    [property: Id(2)] int Number,
    [property: Id(3)] Dictionary<string, ParameterValue> Parameters,
    [property: Id(4)] TrainingSpec Training,
    [property: Id(5)] string? ResumeFromCheckpoint,
    [property: Id(6)] int? CheckpointEpoch);
