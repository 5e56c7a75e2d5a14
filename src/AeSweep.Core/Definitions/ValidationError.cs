namespace AeSweep.Core.Definitions;

/// <summary>
/// One problem with a sweep file: the field path (<c>parameters.depth.min</c>), the line where the
/// file is YAML (null when unknown), and what is wrong.
/// </summary>
/// <param name="Path">Dotted field path, with <c>[i]</c> for list items; <c>(file)</c> for problems with the file as a whole.</param>
/// <param name="Line">1-based line of the offending node, when known.</param>
/// <param name="Message">What is wrong, and where possible how to fix it.</param>
public sealed record ValidationError(string Path, int? Line, string Message)
{
    /// <summary>The path used for problems with the file as a whole (syntax, size, encoding).</summary>
    public const string FilePath = "(file)";

    /// <summary>Formats as <c>PATH (line N): message</c>, the CLI's and API's one-line form.</summary>
    public override string ToString() => Line is { } line and > 0 ? $"{Path} (line {line}): {Message}" : $"{Path}: {Message}";
}
