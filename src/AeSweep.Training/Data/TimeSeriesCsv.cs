using System.Globalization;
using System.Text;

namespace AeSweep.Training.Data;

/// <summary>
/// Reads a multivariate time series CSV (one time step per row, one column per variable, an optional header row of
/// names) and keeps the chosen columns, in the order asked. Bounded like <see cref="CsvTable"/> by
/// <see cref="DatasetLimits"/>. Errors name the sweep file's field (<c>dataset.columns[1]</c>), since the columns come from it.
/// </summary>
public static class TimeSeriesCsv
{
    /// <summary>The values (rows × chosen columns, row-major), the row count and the chosen columns' names (or numbers).</summary>
    public static (float[] Values, int Rows, IReadOnlyList<string> Columns) Read(string path, IReadOnlyList<string> columns) =>
        Read(path, columns, DatasetLimits.FromEnvironment());

    public static (float[] Values, int Rows, IReadOnlyList<string> Columns) Read(string path, IReadOnlyList<string> columns, DatasetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(limits);
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
        int[]? chosen = null;
        var width = -1;
        var rows = 0;
        var lineNumber = 0;
        using var reader = new StreamReader(new BoundedReadStream(File.OpenRead(path), limits.MaxBytes, path), Encoding.UTF8);
        while (CsvTable.ReadLine(reader, limits.MaxLineChars, path, lineNumber + 1) is { } line)
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
                if (width < 0)
                {
                    header = [.. cells.Select(c => c.Trim())];
                    width = cells.Length;
                    continue;
                }

                throw new InvalidDataException($"{path}:{lineNumber}: not a numeric row");
            }

            if (width >= 0 && cells.Length != width)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {cells.Length} columns, expected {width}");
            }

            width = cells.Length;
            chosen ??= Choose(header, width, columns, path);
            foreach (var index in chosen)
            {
                values.Add(parsed[index]);
            }

            rows++;
        }

        if (rows == 0 || chosen is null)
        {
            throw new InvalidDataException($"{path}: no numeric rows");
        }

        var names = chosen.Select(i => header?[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        return (values.ToArray(), rows, names);
    }

    private static int[] Choose(string[]? header, int width, IReadOnlyList<string> columns, string path)
    {
        if (columns.Count == 0)
        {
            return [.. Enumerable.Range(0, width)];
        }

        if (header is null)
        {
            throw new ArgumentException($"dataset.columns: {Path.GetFileName(path)} has no header row, so its columns have no names; drop columns: to use every column");
        }

        var indices = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            indices[i] = Array.IndexOf(header, columns[i]);
            if (indices[i] < 0)
            {
                throw new ArgumentException($"dataset.columns[{i}]: '{columns[i]}' is not a column of {Path.GetFileName(path)} ({string.Join(", ", header)})");
            }
        }

        return indices;
    }
}
