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

            var validator = new SweepFileValidator(options, errors);
            var definition = validator.Validate(root);
            var (flavor, reason) = validator.Flavor;
            return (errors.Count == 0 && definition is not null ? new SweepParseResult(definition, []) : new SweepParseResult(null, Sorted(errors)))
                with { Flavor = flavor, FlavorReason = reason };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A validator bug must still come back as an error, never as a crash of the caller.
            errors.Add(new(ValidationError.FilePath, null, $"could not be read: {ex.GetType().Name}: {ex.Message}"));
            return new(null, errors);
        }
    }

    /// <summary>Reads and parses a file; an unreadable file is reported as an error at <c>(file)</c>.</summary>
    /// <exception cref="SweepFileUnreadableException">The file is missing, unreadable, or larger than 1 MiB.</exception>
    public static SweepParseResult ParseFile(string path, bool checkFilesExist = true)
    {
        var text = ReadFileText(path);
        var fullPath = Path.GetFullPath(path);
        return Parse(text, new SweepParseOptions(Path.GetFileName(fullPath), Path.GetDirectoryName(fullPath), checkFilesExist));
    }

    /// <summary>
    /// Reads a sweep file's text, stopping at 1 MiB: a device (<c>/dev/zero</c>), a pipe or a huge file reports
    /// "larger than 1 MiB" instead of filling memory, since its length cannot be trusted or known in advance.
    /// </summary>
    /// <exception cref="SweepFileUnreadableException">The file is missing, unreadable, or larger than the limit.</exception>
    public static string ReadFileText(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[SweepDocumentReader.MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length > SweepDocumentReader.MaxBytes)
            {
                throw new SweepFileUnreadableException(path, new InvalidDataException(
                    $"{path}: larger than {SweepDocumentReader.MaxBytes / (1024 * 1024)} MiB, the limit for a sweep file"));
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, length), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepFileUnreadableException(path, ex);
        }
    }

    private static List<ValidationError> Sorted(List<ValidationError> errors) =>
        [.. errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line ?? int.MaxValue).ThenBy(x => x.i).Select(x => x.e).Distinct()];
}
