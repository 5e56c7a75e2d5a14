namespace AeSweep.Application;

/// <summary>What a sweep-control command did.</summary>
public enum ControlOutcome
{
    /// <summary>Done.</summary>
    Applied,

    /// <summary>No such sweep, trial or worker.</summary>
    NotFound,

    /// <summary>The sweep, trial or worker is in a state that refuses it.</summary>
    Conflict,

    /// <summary>This version of AeSweep cannot do it (kept for clients of the earlier seams).</summary>
    NotAvailable,

    /// <summary>The request is wrong; <see cref="ControlResult.Errors"/> name each field.</summary>
    Invalid,
}
