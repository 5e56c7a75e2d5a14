namespace AeSweep.Application;

/// <summary>What writing notes did.</summary>
public enum NotesOutcome
{
    /// <summary>Stored (and published to live views).</summary>
    Saved,

    /// <summary>No such sweep or trial.</summary>
    NotFound,

    /// <summary>The text is refused (too long); nothing was stored.</summary>
    Invalid,
}
