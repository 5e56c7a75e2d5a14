using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Reads a sweep file (YAML or JSON — JSON is read as YAML, which it is) into a validated
/// <see cref="SweepDefinition"/>, reporting every problem at once with its field path and line.
/// Never throws on any input.
/// </summary>
public static class SweepDefinitionParser
{
    /// <summary>Parses and validates <paramref name="text"/>.</summary>
    public static SweepParseResult Parse(string text, SweepParseOptions? options = null)
    {
        options ??= SweepParseOptions.Default;
        var errors = new List<ValidationError>();
        try
        {
            var root = SweepDocumentReader.Read(text ?? string.Empty, errors);
            if (errors.Count > 0)
            {
                return new(null, errors);
            }

            var definition = new SweepFileValidator(options, errors).Validate(root);
            return errors.Count == 0 && definition is not null ? new(definition, []) : new(null, Sorted(errors));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A validator bug must still come back as an error, never as a crash of the caller.
            errors.Add(new(ValidationError.FilePath, null, $"could not be read: {ex.GetType().Name}: {ex.Message}"));
            return new(null, errors);
        }
    }

    /// <summary>Reads and parses a file; an unreadable file is reported as an error at <c>(file)</c>.</summary>
    public static SweepParseResult ParseFile(string path, bool checkFilesExist = true)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > SweepDocumentReader.MaxBytes * 4L)
            {
                return new(null, [new(ValidationError.FilePath, null, $"the file is {info.Length:N0} bytes; sweep files are limited to {SweepDocumentReader.MaxBytes:N0}")]);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepFileUnreadableException(path, ex);
        }

        var fullPath = Path.GetFullPath(path);
        return Parse(text, new SweepParseOptions(Path.GetFileName(fullPath), Path.GetDirectoryName(fullPath), checkFilesExist));
    }

    private static List<ValidationError> Sorted(List<ValidationError> errors) =>
        [.. errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line ?? int.MaxValue).ThenBy(x => x.i).Select(x => x.e).Distinct()];
}
