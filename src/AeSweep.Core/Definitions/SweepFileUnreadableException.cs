namespace AeSweep.Core.Definitions;

/// <summary>A sweep file could not be read at all (missing, a folder, no permission, larger than the limit).</summary>
public sealed class SweepFileUnreadableException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SweepFileUnreadableException(string path, Exception inner)
        : base(inner is InvalidDataException ? inner.Message : $"cannot read sweep file '{path}': {inner.Message}", inner) => FilePath = path;

    /// <summary>Creates the exception with a message.</summary>
    public SweepFileUnreadableException() : base("cannot read sweep file") => FilePath = string.Empty;

    /// <summary>Creates the exception with a message.</summary>
    public SweepFileUnreadableException(string message) : base(message) => FilePath = string.Empty;

    /// <summary>The path that could not be read.</summary>
    public string FilePath { get; }
}
