namespace AeSweep.Web.Artifacts;

/// <summary>What asking for a trial's artifact found: the file, or which part was missing.</summary>
public enum ArtifactOutcome
{
    /// <summary>The artifact's file (a folder zipped) is open for the response.</summary>
    Opened,

    /// <summary>No trial has this id.</summary>
    TrialNotFound,

    /// <summary>The trial has no artifact of this name.</summary>
    ArtifactNotFound,

    /// <summary>The stored row names a file that is missing, or that lies (or leads through a link) outside the artifact root.</summary>
    FileNotServed,
}
