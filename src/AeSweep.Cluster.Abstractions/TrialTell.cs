using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// An outside trainer's result for an asked trial: the final state (completed, pruned or failed), the metric value
/// (required when completed) and optional intermediate values by epoch, which the pruner and sampler learn from.
/// </summary>
[GenerateSerializer, Immutable, Alias("aesweep.trial-tell")]
public sealed record TrialTell(
    [property: Id(0)] string TrialId,
    [property: Id(1)] TrialState State,
    [property: Id(2)] double? Value,
    [property: Id(3)] Dictionary<int, double> IntermediateValues,
    [property: Id(4)] string? Reason);
