namespace AeSweep.Storage;

/// <summary>Why a running trial goes back to pending: it decides whether the requeue counts toward budget.max_attempts.</summary>
internal enum WorkerFate
{
    /// <summary>The worker died under it (lease lapsed, process restarted): counts as a lost run.</summary>
    Lost,

    /// <summary>The worker shut down cleanly and gave it back: costs the trial nothing.</summary>
    HandedBack,
}
