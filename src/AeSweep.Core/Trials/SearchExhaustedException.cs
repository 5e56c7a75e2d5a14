namespace AeSweep.Core.Trials;

/// <summary>The sampler has no configuration left to suggest (a grid whose every point has been asked).</summary>
public sealed class SearchExhaustedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SearchExhaustedException()
        : base("The search space is exhausted: every configuration has been suggested.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SearchExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SearchExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
