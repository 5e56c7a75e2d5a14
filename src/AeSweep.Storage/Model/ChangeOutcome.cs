namespace AeSweep.Storage.Model;

/// <summary>What became of a guarded change.</summary>
public enum ChangeOutcome
{
    /// <summary>The change was written.</summary>
    Applied,

    /// <summary>No such sweep, trial or worker.</summary>
    NotFound,

    /// <summary>The sweep or trial had already reached a final state (perhaps by another writer); nothing changed.</summary>
    AlreadyFinished,

    /// <summary>The life cycle does not allow this change from the current state (e.g. starting a running trial).</summary>
    InvalidTransition,

    /// <summary>The caller's lease is no longer the trial's current one (requeued, or taken by another worker).</summary>
    LeaseLost,
}
