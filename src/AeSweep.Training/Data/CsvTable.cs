using System.Globalization;

namespace AeSweep.Training.Data;

/// <summary>Reads a numeric CSV file: one sample per row, comma-separated; a first row that is not numeric is a header.</summary>
public static class CsvTable
{
    public static (float[] Values, int Rows, int Columns) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file not found: {path}", path);
        }

        var values = new List<float>();
        var columns = -1;
        var rows = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
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
                    columns = cells.Length; // header
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

        return (values.ToArray(), rows, columns);
    }
}
