using System.Globalization;
using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

/// <summary>Class labels: <c>dataset.label_column</c> for CSV files.</summary>
internal sealed partial class SweepFileValidator
{
    /// <summary>The most columns a label index may point past; a CSV line is bounded by its length anyway.</summary>
    private const int MaxLabelColumnIndex = 1_000_000;

    private const int MaxLabelColumnNameLength = 200;

    // label_column: a header name (a string) or a 0-based index (a plain integer). Both are kept as text: at load time
    // a header name that matches wins, otherwise the text is read as an index (DatasetSpec.LabelColumn).
    private string? ReadLabelColumn(DocMapping map)
    {
        if (map["label_column"] is not { } node)
        {
            return null;
        }

        const string path = "dataset.label_column";
        if (node is DocScalar { Quoted: false } scalar && scalar.IsNumber)
        {
            var index = ReadInteger(node, path, 0, MaxLabelColumnIndex);
            return index?.ToString(CultureInfo.InvariantCulture);
        }

        var name = ReadString(node, path);
        if (name is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLabelColumnNameLength || name.Contains(','))
        {
            Error(path, node, $"must be a column name (1 to {MaxLabelColumnNameLength} characters, no comma) or a 0-based column index");
            return null;
        }

        return name;
    }
}
