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

    /// <summary>This version of AeSweep cannot do it yet (the sweep-control seams).</summary>
    NotAvailable,
}
