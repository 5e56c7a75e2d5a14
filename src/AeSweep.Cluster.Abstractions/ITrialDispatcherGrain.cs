namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// Hands pending trials to free worker slots (oldest first across sweeps), renews leases from worker heartbeats,
/// and requeues the trials of workers whose leases ran out. One per cluster (key 0).
/// </summary>
public interface ITrialDispatcherGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or re-registers) a worker and subscribes it to "work available" notices.</summary>
    Task RegisterWorkerAsync(WorkerInfo worker, IWorkerObserver observer);

    /// <summary>A worker leaving cleanly: its running trials go back to pending at once.</summary>
    Task UnregisterWorkerAsync(string workerId);

    /// <summary>Claims up to <paramref name="freeSlots"/> pending trials for the worker.</summary>
    Task<List<TrialAssignment>> LeaseTrialsAsync(string workerId, int freeSlots);

    /// <summary>
    /// Up to <paramref name="maxCount"/> pending trials of one sweep, lowest numbers first, without claiming them: a
    /// worker slot filling a fused pack (execution.fuse) picks those whose fusion key equals its first trial's.
    /// </summary>
    Task<List<PendingTrial>> PendingTrialsAsync(string sweepId, int maxCount);

    /// <summary>
    /// Claims the named pending trials (from <see cref="PendingTrialsAsync"/>) for the worker, each under its own lease, as
    /// <see cref="LeaseTrialsAsync"/> does; a trial another worker claimed meanwhile (or that is no longer pending) is
    /// left out of the answer.
    /// </summary>
    Task<List<TrialAssignment>> LeaseTrialsByIdAsync(string workerId, List<string> trialIds);

    /// <summary>
    /// Renews the worker's leases and its subscription; returns the trials it no longer holds (it must stop them).
    /// </summary>
    Task<List<string>> HeartbeatAsync(string workerId, List<TrialLeaseToken> running, IWorkerObserver observer);

    /// <summary>
    /// A worker hands one trial back to pending (attempt + 1, resuming from its checkpoint) without it counting as a lost
    /// worker: e.g. it ran out of GPU memory beside other trials and may fit with fewer neighbours, or it did not fit in
    /// the worker's memory budget. False when the worker no longer held that lease.
    /// </summary>
    Task<bool> HandBackTrialAsync(TrialLeaseToken lease, string reason);

    /// <summary>Records the memory in use and total of the worker's devices (shown by /api/workers and the cluster page).</summary>
    Task ReportDeviceMemoryAsync(string workerId, List<DeviceMemoryReport> devices);

    /// <summary>
    /// Drains a worker (it finishes its running trials and leases nothing new) or undrains it (it leases again at once);
    /// kept in the store. False when the worker never registered.
    /// </summary>
    Task<bool> SetDrainingAsync(string workerId, bool draining);

    /// <summary>Tells subscribed workers that pending trials exist.</summary>
    Task NotifyWorkAvailableAsync();
}
