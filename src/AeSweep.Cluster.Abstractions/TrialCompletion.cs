using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Abstractions;

/// <summary>How a trial ended on its worker, with the artifacts it wrote as the worker describes them.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.trial-completion")]
public sealed record TrialCompletion(
    [property: Id(0)] TrialLeaseToken Lease,
    [property: Id(1)] TrialState State,
    [property: Id(2)] Dictionary<string, double> Metrics,
    [property: Id(3)] List<ReportedArtifact> Artifacts,
    [property: Id(4)] string? Reason,
    [property: Id(5)] int EpochsRun);
