using System.Globalization;
using static TorchSharp.torch;

namespace AeSweep.Training.Data;

/// <summary>
/// <c>dataset.label_column</c> of a CSV dataset: finds the column (a header name first, else a 0-based index), checks
/// that it holds whole-number class labels, and takes it out of the features.
/// </summary>
internal static class CsvLabelColumn
{
    /// <summary>The largest class label a CSV may hold; labels index per-class tables downstream.</summary>
    public const int MaxLabel = 65_535;

    /// <summary>The features without the label column, and the labels (int64, on the CPU).</summary>
    public static (Tensor Features, Tensor Labels) Separate(Tensor all, int columns, IReadOnlyList<string>? header, string labelColumn, string path)
    {
        var index = Resolve(columns, header, labelColumn, path);
        if (columns < 2)
        {
            throw new InvalidDataException($"dataset.label_column: {path} has {columns} column; with the label taken out no feature is left");
        }

        var labelValues = all.select(1, index).cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        for (var row = 0; row < labelValues.Length; row++)
        {
            var value = labelValues[row];
            if (value != Math.Floor(value) || value < 0 || value > MaxLabel)
            {
                throw new InvalidDataException(
                    $"dataset.label_column: {path}: data row {row + 1} holds {value.ToString(CultureInfo.InvariantCulture)} in column '{labelColumn}', not a class label (a whole number from 0 to {MaxLabel})");
            }
        }

        var keep = Enumerable.Range(0, columns).Where(c => c != index).Select(c => (long)c).ToArray();
        var features = all.index_select(1, tensor(keep, device: all.device));
        return (features, tensor(labelValues.Select(v => (long)v).ToArray()));
    }

    private static int Resolve(int columns, IReadOnlyList<string>? header, string labelColumn, string path)
    {
        if (header is not null)
        {
            for (var c = 0; c < header.Count; c++)
            {
                if (string.Equals(header[c], labelColumn, StringComparison.Ordinal))
                {
                    return c;
                }
            }
        }

        if (int.TryParse(labelColumn, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            if (index < columns)
            {
                return index;
            }

            throw new InvalidDataException($"dataset.label_column: column index {index} is past the last column of {path} ({columns} columns, indices 0 to {columns - 1})");
        }

        var known = header is null ? "the file has no header row" : $"its columns are {string.Join(", ", header.Take(20))}{(header.Count > 20 ? ", …" : string.Empty)}";
        throw new InvalidDataException($"dataset.label_column: {path} has no column named '{labelColumn}'; {known}");
    }
}
