using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// The persistent record of sweeps, trials, epoch metrics, artifacts and workers; the source of truth a restarted
/// coordinator resumes from. Every state change is guarded by the life cycles (<see cref="TrialStateExtensions"/>,
/// <see cref="SweepStateRules"/>) and by optimistic concurrency: a refused change comes back as a
/// <see cref="ChangeOutcome"/> other than <see cref="ChangeOutcome.Applied"/>, never as a silent overwrite.
/// Implementations are thread-safe and open one short unit of work per call.
/// </summary>
public interface ISweepStore
{
    // ---- sweeps ----

    /// <summary>Stores a new pending sweep.</summary>
    Task<SweepSnapshot> CreateSweepAsync(NewSweep sweep, CancellationToken cancellationToken);

    /// <summary>Pending → running (sets the start time).</summary>
    Task<SweepChange> StartSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a sweep to a final state. Cancelling or failing also cancels its unfinished trials with the same
    /// reason (in the same transaction), so no trial is left behind without a final state.
    /// </summary>
    Task<SweepChange> FinishSweepAsync(string sweepId, SweepState finalState, string? reason, CancellationToken cancellationToken);

    Task<SweepSnapshot?> GetSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Sweeps, newest first.</summary>
    Task<Page<SweepSnapshot>> ListSweepsAsync(int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Pending and running sweeps, oldest first: what a restarted coordinator must resume.</summary>
    Task<IReadOnlyList<SweepSnapshot>> ListUnfinishedSweepsAsync(CancellationToken cancellationToken);

    /// <summary>A sweep with all its trials and epoch metrics, to rebuild sampler and pruner state; null when not found.</summary>
    Task<SweepHistory?> GetSweepHistoryAsync(string sweepId, CancellationToken cancellationToken);

    // ---- trials ----

    /// <summary>Stores a suggested trial as pending with the next number in its sweep (attempt 1).</summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<TrialSnapshot> AddTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a suggested trial already running on <paramref name="workerId"/> (attempt 1, with a lease of
    /// <paramref name="leaseDuration"/>): ask-and-tell trials, which are never pending, so no dispatcher can claim them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<TrialSnapshot> AddRunningTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Pending → running on <paramref name="workerId"/> with a lease of <paramref name="leaseDuration"/>; the result's trial carries the <see cref="TrialSnapshot.Lease"/>.</summary>
    Task<TrialChange> StartTrialAsync(string trialId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Starts the oldest pending trial (of one sweep, or of any when <paramref name="sweepId"/> is null); null when none is pending.</summary>
    Task<TrialSnapshot?> ClaimNextPendingTrialAsync(string? sweepId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Extends a running trial's lease and records a heartbeat.</summary>
    Task<TrialChange> RenewLeaseAsync(TrialLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Records (or replaces) one epoch's metrics. Idempotent per (trial, epoch): a resumed trial re-reporting an
    /// epoch replaces the earlier values, never duplicates them. Counts as a heartbeat.
    /// </summary>
    Task<TrialChange> RecordEpochMetricsAsync(TrialLease lease, int epoch, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken);

    /// <summary>Records the trial's latest checkpoint (an older epoch than the stored one is ignored). Counts as a heartbeat.</summary>
    Task<TrialChange> RecordCheckpointAsync(TrialLease lease, int epoch, string path, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a trial to a final state with its reason, final metrics and artifacts. Exactly one of several
    /// concurrent finishers wins; the others get <see cref="ChangeOutcome.AlreadyFinished"/>.
    /// </summary>
    Task<TrialChange> FinishTrialAsync(TrialFinish finish, CancellationToken cancellationToken);

    /// <summary>
    /// Running trials whose lease expired go back to pending with attempt + 1, keeping their checkpoint so they
    /// resume from it. Each such requeue counts as a lost worker; a trial whose losses reach its sweep's
    /// budget.max_attempts fails instead, with the reason "the worker running it was lost N times (budget.max_attempts)".
    /// Returns both kinds (see <see cref="RequeuedTrial.State"/>).
    /// </summary>
    Task<IReadOnlyList<RequeuedTrial>> RequeueExpiredLeasesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Hands back every running trial of a worker that shut down cleanly: they go back to pending with attempt + 1 and
    /// this never counts toward budget.max_attempts, so restarting workers cannot fail a trial.
    /// </summary>
    Task<IReadOnlyList<RequeuedTrial>> RequeueWorkerTrialsAsync(string workerId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Requeues every running trial (of one sweep, or of all when <paramref name="sweepId"/> is null) without waiting
    /// for leases to expire: for a restarted embedded process, whose in-process worker cannot have survived — so each
    /// counts as a lost worker, as in <see cref="RequeueExpiredLeasesAsync"/>.
    /// Never call it where other processes' workers may still be training.
    /// </summary>
    Task<IReadOnlyList<RequeuedTrial>> RequeueRunningTrialsAsync(string? sweepId, string reason, CancellationToken cancellationToken);

    Task<TrialSnapshot?> GetTrialAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>A trial with its epoch metrics and artifacts; null when not found.</summary>
    Task<TrialDetail?> GetTrialDetailAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>One artifact of a trial by name (<c>GET /api/trials/{id}/artifacts/{name}</c>); null when not found.</summary>
    Task<ArtifactInfo?> GetArtifactAsync(string trialId, string name, CancellationToken cancellationToken);

    /// <summary>One page of a sweep's trials.</summary>
    Task<Page<TrialSnapshot>> ListTrialsAsync(string sweepId, TrialQuery query, CancellationToken cancellationToken);

    /// <summary>How many of a sweep's trials are in each state (every state present, zeros included).</summary>
    Task<IReadOnlyDictionary<TrialState, int>> CountTrialsByStateAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>The completed trial with the best value of the sweep's ranking metric; null when there is none.</summary>
    Task<TrialSnapshot?> GetBestTrialAsync(string sweepId, CancellationToken cancellationToken);

    // ---- workers ----

    /// <summary>Registers a worker or updates its registration; it is online with a fresh heartbeat.</summary>
    Task<WorkerSnapshot> RegisterWorkerAsync(WorkerRegistration registration, CancellationToken cancellationToken);

    /// <summary>Records a worker heartbeat (and marks it online); false when the worker is unknown.</summary>
    Task<bool> RecordWorkerHeartbeatAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Marks a worker offline (shut down or lost); false when the worker is unknown.</summary>
    Task<bool> MarkWorkerOfflineAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Marks online workers silent for longer than <paramref name="timeout"/> offline; returns their ids.</summary>
    Task<IReadOnlyList<string>> MarkSilentWorkersOfflineAsync(TimeSpan timeout, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkerSnapshot>> ListWorkersAsync(CancellationToken cancellationToken);
}
