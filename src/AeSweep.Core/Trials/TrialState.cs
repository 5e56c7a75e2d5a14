namespace AeSweep.Core.Trials;

/// <summary>
/// A trial's life: <c>Pending → Running → Completed | Pruned | Failed | Cancelled</c>. A running trial
/// whose worker is lost goes back to <see cref="Pending"/> and resumes from its last checkpoint.
/// </summary>
public enum TrialState
{
    /// <summary>Suggested and waiting for a worker slot.</summary>
    Pending,
    /// <summary>Training on a worker.</summary>
    Running,
    /// <summary>Finished with a final metric value.</summary>
    Completed,
    /// <summary>Stopped early by the pruner.</summary>
    Pruned,
    /// <summary>Ended by an error (NaN loss, crash, bad data); the reason is recorded.</summary>
    Failed,
    /// <summary>Stopped because its sweep was cancelled or ran out of budget.</summary>
    Cancelled,
}
