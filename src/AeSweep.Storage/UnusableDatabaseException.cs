namespace AeSweep.Storage;

/// <summary>
/// The database file exists but cannot be AeSweep's store (not SQLite, truncated, corrupt, another program's).
/// Nothing was written to it; hosts print <see cref="Exception.Message"/> as one line and stop.
/// </summary>
public sealed class UnusableDatabaseException : Exception
{
    public UnusableDatabaseException(string path, string reason)
        : base($"{path}: not a usable AeSweep database (SQLite: {reason}); it was left untouched")
    {
        DatabasePath = path;
    }

    public UnusableDatabaseException()
    {
    }

    public UnusableDatabaseException(string message)
        : base(message)
    {
    }

    public UnusableDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file that was refused.</summary>
    public string? DatabasePath { get; }
}
