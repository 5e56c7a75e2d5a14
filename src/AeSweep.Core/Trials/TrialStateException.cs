namespace AeSweep.Core.Trials;

/// <summary>
/// A change the trial life cycle forbids, e.g. telling a value for a trial that already finished.
/// A second writer (a duplicate tell after a worker was thought lost) learns so from this exception.
/// </summary>
public sealed class TrialStateException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public TrialStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrialStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TrialStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
