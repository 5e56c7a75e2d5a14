using AeSweep.Core.Search;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// The dispatch hot path: trials enter the queue, workers claim them under leases, renew, finish, and lost work goes
/// back. Every change is guarded by the trial life cycle and optimistic concurrency (a refused change is a
/// <see cref="ChangeOutcome"/>, never a silent overwrite). Thread-safe; one short unit of work per call.
/// </summary>
/// <remarks>
/// <para><b>Trial numbers belong to the store.</b> A trial's number is assigned when it is added, in the same
/// transaction, as the next free number of its sweep (0, 1, 2, … with no gaps; the unique index (sweep, number) makes
/// two concurrent adders take different numbers — the loser of a race retries with the next one, before any number
/// has been handed out). The caller takes the number from the returned snapshot; nothing else numbers trials.</para>
/// <para>Where the caller must know the number <i>before</i> it samples (a sampler seeded from the trial number), it
/// asks <see cref="NextTrialNumberAsync"/> and adds with <see cref="AddTrialsAtAsync"/>, which never renumbers: if the
/// number was taken meanwhile it throws <see cref="TrialNumberTakenException"/>, so a seed and a stored number can
/// never disagree silently. Only one coordinator adds to a sweep, so in practice this never throws; when it does, the
/// coordinator has a second writer and must stop rather than guess. <see cref="AddTrialsAsync"/> (the store picks the
/// numbers) is the preferred call where the number is not needed up front.</para>
/// </remarks>
public interface ITrialQueue
{
    /// <summary>
    /// Stores suggested trials as pending (attempt 1) under the next free numbers of their sweep, in one transaction,
    /// in the order given; returns them as stored, numbers included.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<IReadOnlyList<TrialSnapshot>> AddTrialsAsync(string sweepId, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters, CancellationToken cancellationToken);

    /// <summary>One suggested trial: <see cref="AddTrialsAsync"/> with one entry.</summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<TrialSnapshot> AddTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken);

    /// <summary>The number the next added trial of the sweep gets (0 for an empty sweep); see the remarks on numbering.</summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist.</exception>
    Task<int> NextTrialNumberAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="AddTrialsAsync"/>, but the trials must get the numbers <paramref name="firstNumber"/>,
    /// <paramref name="firstNumber"/> + 1, …: when that is not the sweep's next free number the call stores nothing and throws.
    /// </summary>
    /// <exception cref="TrialNumberTakenException">Another writer took <paramref name="firstNumber"/> (or it is not the next free number).</exception>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<IReadOnlyList<TrialSnapshot>> AddTrialsAtAsync(string sweepId, int firstNumber, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Stores finalist runs (<c>finalize:</c>) pending under the sweep's next free numbers, each retraining the
    /// configuration of the search trial <c>OriginalId</c> (stored as its <see cref="TrialSnapshot.FinalistOf"/>); their
    /// new numbers give them new seeds. The sweep must still be unfinished.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished, or an original is not a search trial of it.</exception>
    Task<IReadOnlyList<TrialSnapshot>> AddFinalistTrialsAsync(string sweepId, IReadOnlyList<string> originalIds, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a suggested trial already running on <paramref name="workerId"/> (attempt 1, with a lease of
    /// <paramref name="leaseDuration"/>): ask-and-tell trials, which are never pending, so no dispatcher can claim them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<TrialSnapshot> AddRunningTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Pending → running on <paramref name="workerId"/> with a lease of <paramref name="leaseDuration"/>; the result's trial carries the <see cref="TrialSnapshot.Lease"/>.</summary>
    Task<TrialChange> StartTrialAsync(string trialId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Starts up to <paramref name="maxCount"/> pending trials, oldest first across all sweeps (a requeued trial, resuming
    /// lost work, goes before newer suggestions), on <paramref name="workerId"/> with a lease of
    /// <paramref name="leaseDuration"/>, in one transaction. Concurrent claimers never get the same trial; fewer (or none)
    /// come back when fewer are pending.
    /// </summary>
    Task<IReadOnlyList<TrialSnapshot>> ClaimPendingTrialsAsync(string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxCount"/> pending trials of one sweep, lowest numbers first, read without claiming them:
    /// a worker filling a fused pack (execution.fuse) picks those that share its first trial's architecture and claims
    /// each with <see cref="StartTrialAsync"/> (one another claimer took meanwhile is refused there, not taken twice).
    /// </summary>
    Task<IReadOnlyList<TrialSnapshot>> PendingTrialsOfSweepAsync(string sweepId, int maxCount, CancellationToken cancellationToken);

    /// <summary>Extends a running trial's lease and records a heartbeat.</summary>
    Task<TrialChange> RenewLeaseAsync(TrialLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RenewLeaseAsync"/> for every lease a worker reports in one heartbeat, in one unit of work; one result
    /// per lease, in the order given (a lease that is no longer held comes back refused, e.g. <see cref="ChangeOutcome.LeaseLost"/>).
    /// </summary>
    Task<IReadOnlyList<TrialChange>> RenewLeasesAsync(IReadOnlyList<TrialLease> leases, TimeSpan leaseDuration, CancellationToken cancellationToken);

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
    /// Hands one running trial back to pending (attempt + 1, keeping its checkpoint) while <paramref name="lease"/> still
    /// holds it; like <see cref="RequeueWorkerTrialsAsync"/>, this never counts toward budget.max_attempts. Empty when the
    /// lease no longer holds the trial.
    /// </summary>
    Task<IReadOnlyList<RequeuedTrial>> HandBackTrialAsync(TrialLease lease, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Requeues every running trial (of one sweep, or of all when <paramref name="sweepId"/> is null) without waiting
    /// for leases to expire: for a restarted embedded process, whose in-process worker cannot have survived — so each
    /// counts as a lost worker, as in <see cref="RequeueExpiredLeasesAsync"/>.
    /// Never call it where other processes' workers may still be training.
    /// </summary>
    Task<IReadOnlyList<RequeuedTrial>> RequeueRunningTrialsAsync(string? sweepId, string reason, CancellationToken cancellationToken);

    /// <summary>One trial; null when not found.</summary>
    Task<TrialSnapshot?> GetTrialAsync(string trialId, CancellationToken cancellationToken);
}
