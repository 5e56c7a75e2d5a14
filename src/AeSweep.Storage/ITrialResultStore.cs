using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>What running trials produce: epoch metrics, checkpoints, and the artifacts their completion recorded.</summary>
public interface ITrialResultStore
{
    /// <summary>
    /// Records (or replaces) one epoch's metrics. Idempotent per (trial, epoch): a resumed trial re-reporting an
    /// epoch replaces the earlier values, never duplicates them. Counts as a heartbeat.
    /// </summary>
    Task<TrialChange> RecordEpochMetricsAsync(TrialLease lease, int epoch, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken);

    /// <summary>
    /// Records several epoch reports (of one or several trials) in one transaction, each with the same guard and
    /// idempotence per (trial, epoch) as the single call (a later report of the same epoch in the batch wins); one
    /// result per report, in the order given.
    /// </summary>
    Task<IReadOnlyList<TrialChange>> RecordEpochMetricsAsync(IReadOnlyList<EpochReport> reports, CancellationToken cancellationToken);

    /// <summary>Records the trial's latest checkpoint (an older epoch than the stored one is ignored). Counts as a heartbeat.</summary>
    Task<TrialChange> RecordCheckpointAsync(TrialLease lease, int epoch, string path, CancellationToken cancellationToken);

    /// <summary>One artifact of a trial by name (<c>GET /api/trials/{id}/artifacts/{name}</c>); null when not found.</summary>
    Task<ArtifactInfo?> GetArtifactAsync(string trialId, string name, CancellationToken cancellationToken);
}
