using AeSweep.Core.Search;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// A pending trial shown to a worker that fills a fused pack (execution.fuse), not yet claimed: enough to compute its
/// fusion key (its parameters, and whether it resumes from a checkpoint, which is never fused).
/// </summary>
[GenerateSerializer, Immutable, Alias("aesweep.pending-trial")]
public sealed record PendingTrial(
    [property: Id(0)] string TrialId,
    [property: Id(1)] int Number,
    [property: Id(2)] Dictionary<string, ParameterValue> Parameters,
    [property: Id(3)] string? ResumeFromCheckpoint);
