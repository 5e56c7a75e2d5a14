using System.Globalization;
using System.Text;

namespace AeSweep.Training.Data;

/// <summary>
/// Reads a numeric CSV file: one sample per row, comma-separated; a first row that is not numeric is a header.
/// Reading stops with an error past <see cref="DatasetLimits"/> (bytes read, line length), so a device or a file
/// without line breaks cannot fill memory.
/// </summary>
public static class CsvTable
{
    public static (float[] Values, int Rows, int Columns) Read(string path) => Read(path, DatasetLimits.FromEnvironment());

    public static (float[] Values, int Rows, int Columns) Read(string path, DatasetLimits limits)
    {
        var (values, rows, columns, _) = ReadWithHeader(path, limits);
        return (values, rows, columns);
    }

    /// <summary>The values, as <see cref="Read(string, DatasetLimits)"/>, and the header's column names (null without a header).</summary>
    public static (float[] Values, int Rows, int Columns, IReadOnlyList<string>? Header) ReadWithHeader(string path, DatasetLimits limits)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file not found: {path}", path);
        }

        var length = new FileInfo(path).Length;
        if (length > limits.MaxBytes)
        {
            throw new InvalidDataException($"{path}: {length:N0} bytes, larger than {DatasetLimits.Describe(limits.MaxBytes)}, the limit for a dataset file ({DatasetLimits.MaxBytesVariable} raises it)");
        }

        var values = new List<float>();
        string[]? header = null;
        var columns = -1;
        var rows = 0;
        var lineNumber = 0;
        using var reader = new StreamReader(new BoundedReadStream(File.OpenRead(path), limits.MaxBytes, path), Encoding.UTF8);
        while (ReadLine(reader, limits.MaxLineChars, path, lineNumber + 1) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            var parsed = new float[cells.Length];
            var numeric = true;
            for (var i = 0; i < cells.Length && numeric; i++)
            {
                numeric = float.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[i]);
            }

            if (!numeric)
            {
                if (rows == 0 && columns < 0)
                {
                    columns = cells.Length;
                    header = cells.Select(c => c.Trim()).ToArray();
                    continue;
                }

                throw new InvalidDataException($"{path}:{lineNumber}: not a numeric row");
            }

            if (columns >= 0 && cells.Length != columns)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {cells.Length} columns, expected {columns}");
            }

            columns = cells.Length;
            values.AddRange(parsed);
            rows++;
        }

        if (rows == 0)
        {
            throw new InvalidDataException($"{path}: no numeric rows");
        }

        return (values.ToArray(), rows, columns, header);
    }

    /// <summary>One line without its terminator (\n, \r\n or \r); null at the end; an error past <paramref name="maxChars"/>.</summary>
    internal static string? ReadLine(StreamReader reader, int maxChars, string path, int lineNumber)
    {
        var line = new StringBuilder();
        while (true)
        {
            var next = reader.Read();
            switch (next)
            {
                case -1:
                    return line.Length == 0 && reader.EndOfStream ? null : line.ToString();
                case '\n':
                    return line.ToString();
                case '\r':
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    return line.ToString();
            }

            if (line.Length >= maxChars)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: a line longer than {maxChars:N0} characters, the limit for a CSV dataset ({DatasetLimits.MaxLineCharsVariable} raises it)");
            }

            line.Append((char)next);
        }
    }
}
