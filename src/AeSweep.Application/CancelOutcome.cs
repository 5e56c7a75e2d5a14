namespace AeSweep.Application;

/// <summary>What became of a cancel request.</summary>
public enum CancelOutcome
{
    /// <summary>The coordinator is cancelling the sweep and its unfinished trials.</summary>
    Cancelling,

    /// <summary>No such sweep.</summary>
    NotFound,

    /// <summary>The sweep had already finished; nothing to cancel.</summary>
    AlreadyFinished,
}
