using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// Sweep control in the store, the source of truth, so every control survives a coordinator restart: pausing and
/// resuming a sweep, changing its budget (columns and stored definition document in one write), queued trials that wait
/// for a budget.max_parallel place (enqueued configurations and retries), and draining workers. The claim path reads
/// these facts itself: a paused sweep's trials, a held trial and a draining worker's claim are never leased.
/// </summary>
public interface ISweepControlStore
{
    /// <summary>Running → paused; refused (<see cref="ChangeOutcome.InvalidTransition"/>, <see cref="ChangeOutcome.AlreadyFinished"/>) otherwise.</summary>
    Task<SweepChange> PauseSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Paused → running; refused otherwise.</summary>
    Task<SweepChange> ResumeSweepAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an unfinished sweep's budget columns and its stored definition document together (the document carries
    /// the same budget), so the two never disagree; refused for a finished sweep.
    /// </summary>
    Task<SweepChange> ChangeBudgetAsync(string sweepId, int? maxTrials, int maxParallel, double? maxMinutes, string definitionText, CancellationToken cancellationToken);

    /// <summary>
    /// Stores configurations given from outside (enqueued, or a retry of <paramref name="retryOf"/>) as held pending trials
    /// under the numbers <paramref name="firstNumber"/>, + 1, … (as <see cref="ITrialQueue.AddTrialsAtAsync"/>): no worker
    /// claims them until <see cref="ReleaseHeldTrialsAsync"/>; once released they are claimed before sampled trials.
    /// </summary>
    /// <exception cref="TrialNumberTakenException">Another writer took <paramref name="firstNumber"/>.</exception>
    /// <exception cref="InvalidOperationException">The sweep does not exist or has finished.</exception>
    Task<IReadOnlyList<TrialSnapshot>> AddQueuedTrialsAtAsync(string sweepId, int firstNumber, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters, TrialOrigin origin, string? retryOf, CancellationToken cancellationToken);

    /// <summary>Releases up to <paramref name="maxCount"/> held trials of the sweep to workers, lowest numbers first; returns their ids.</summary>
    Task<IReadOnlyList<string>> ReleaseHeldTrialsAsync(string sweepId, int maxCount, CancellationToken cancellationToken);

    /// <summary>Sets or clears a worker's drain flag; null when the worker is unknown.</summary>
    Task<WorkerSnapshot?> SetWorkerDrainingAsync(string workerId, bool draining, CancellationToken cancellationToken);

    /// <summary>Whether the worker is draining (false for an unknown worker).</summary>
    Task<bool> IsWorkerDrainingAsync(string workerId, CancellationToken cancellationToken);
}
