using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// The sweeps' life cycle and the history a coordinator rebuilds its study from. Every state change is guarded by
/// <see cref="SweepStateRules"/> and optimistic concurrency: a refused change comes back as a <see cref="ChangeOutcome"/>
/// other than <see cref="ChangeOutcome.Applied"/>, never as a silent overwrite. Thread-safe; one short unit of work per call.
/// </summary>
public interface ISweepRepository
{
    /// <summary>Stores a new pending sweep (with its budget as queryable columns).</summary>
    Task<SweepSnapshot> CreateSweepAsync(NewSweep sweep, CancellationToken cancellationToken);

    /// <summary>Pending → running (sets the start time).</summary>
    Task<SweepChange> StartSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a sweep to a final state. Cancelling or failing also cancels its unfinished trials with the same
    /// reason (in the same transaction), so no trial is left behind without a final state.
    /// </summary>
    Task<SweepChange> FinishSweepAsync(string sweepId, SweepState finalState, string? reason, CancellationToken cancellationToken);

    /// <summary>One sweep; null when not found.</summary>
    Task<SweepSnapshot?> GetSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Pending, running and paused sweeps, oldest first: what a restarted coordinator must resume.</summary>
    Task<IReadOnlyList<SweepSnapshot>> ListUnfinishedSweepsAsync(CancellationToken cancellationToken);

    /// <summary>A sweep with all its trials and epoch metrics, to rebuild sampler and pruner state; null when not found.</summary>
    Task<SweepHistory?> GetSweepHistoryAsync(string sweepId, CancellationToken cancellationToken);
}
