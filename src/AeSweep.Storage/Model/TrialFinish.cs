using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// The end of a trial. <paramref name="State"/> must be final; failed, pruned and cancelled trials need a
/// <paramref name="Reason"/>. With a <paramref name="Lease"/> the finish is refused unless that attempt still runs
/// (a worker's report); without one (the coordinator pruning or cancelling) only the life-cycle rules apply.
/// </summary>
public sealed record TrialFinish(
    string TrialId,
    TrialState State,
    string? Reason = null,
    IReadOnlyDictionary<string, double>? Metrics = null,
    IReadOnlyList<ArtifactInfo>? Artifacts = null,
    TrialLease? Lease = null);
