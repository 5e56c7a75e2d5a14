namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// A stored sweep document that cannot be understood: not JSON, a missing field, a field of the wrong shape, or a
/// version newer than this build reads. Never thrown for a value the sweep-file validator would refuse today.
/// </summary>
public sealed class StoredSweepDocumentException : Exception
{
    /// <summary>The <see cref="Field"/> for a problem with the document as a whole.</summary>
    public const string DocumentField = "(document)";

    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public StoredSweepDocumentException(string field, string problem, Exception? inner = null)
        : base($"stored sweep document: {field}: {problem}", inner)
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception for the document as a whole.</summary>
    public StoredSweepDocumentException()
        : this(DocumentField, "cannot be read")
    {
    }

    /// <summary>Creates the exception for the document as a whole.</summary>
    public StoredSweepDocumentException(string message)
        : this(DocumentField, message)
    {
    }

    /// <summary>Creates the exception for the document as a whole.</summary>
    public StoredSweepDocumentException(string message, Exception inner)
        : this(DocumentField, message, inner)
    {
    }

    /// <summary>The field path, e.g. <c>parameters.width_3.when</c>, or <see cref="DocumentField"/>.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the field.</summary>
    public string Problem { get; }
}
