namespace AeSweep.Storage;

/// <summary>A sweep's life: <c>Pending → Running ⇄ Paused → Completed | Cancelled | Failed</c>.</summary>
public enum SweepState
{
    /// <summary>Submitted; its coordinator has not started it yet.</summary>
    Pending,

    /// <summary>Its coordinator is suggesting and scheduling trials.</summary>
    Running,

    /// <summary>Its budget is spent and every trial has finished.</summary>
    Completed,

    /// <summary>Cancelled by a user; the reason is recorded.</summary>
    Cancelled,

    /// <summary>Stopped by an error; the reason is recorded.</summary>
    Failed,

    /// <summary>Paused by a user: no trial is suggested or leased; running trials finish. Resuming makes it running again.</summary>
    Paused,
}
