namespace AeSweep.Application;

/// <summary>What became of a submitted sweep file.</summary>
public enum SubmitOutcome
{
    /// <summary>Stored and started.</summary>
    Submitted,

    /// <summary>The file has errors (each with its field path and line); nothing was stored.</summary>
    Invalid,

    /// <summary>A <c>program:</c> sweep this process's policy refuses; nothing was stored.</summary>
    ProgramRefused,
}
