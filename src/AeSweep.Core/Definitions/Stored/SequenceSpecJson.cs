using System.Text.Json;

namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// The one writer and reader of a sequence dataset's keys in stored documents and canonical JSON, spelled as in the
/// sweep file: <c>length</c>, <c>channels</c>, <c>anomaly_share</c> (synthetic-sequences); <c>window</c>, <c>stride</c>,
/// <c>columns</c> (csv-sequences).
/// </summary>
internal static class SequenceSpecJson
{
    /// <summary>The <c>type</c> a sequence dataset kind is stored as, or null for the other kinds.</summary>
    public static string? TypeName(DatasetSourceKind kind) => kind switch
    {
        DatasetSourceKind.SyntheticSequences => "synthetic-sequences",
        DatasetSourceKind.CsvSequences => "csv-sequences",
        _ => null,
    };

    public static void Write(Utf8JsonWriter json, DatasetSpec dataset)
    {
        if (dataset.Sequence is not { } sequence)
        {
            return;
        }

        if (dataset.Kind == DatasetSourceKind.SyntheticSequences)
        {
            json.WriteNumber("length", sequence.Length);
            json.WriteNumber("channels", sequence.Channels);
            json.WriteNumber("anomaly_share", sequence.AnomalyShare);
            return;
        }

        json.WriteNumber("window", sequence.Length);
        json.WriteNumber("stride", sequence.Stride);
        if (sequence.Columns.Count > 0)
        {
            json.WriteStartArray("columns");
            foreach (var column in sequence.Columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
        }
    }

    public static DatasetSpec ReadSynthetic(StoredField field, int? limit, double split)
    {
        var defaults = SequenceSpec.SyntheticDefault;
        var sequence = defaults with
        {
            Length = field.Optional("length")?.Int() ?? defaults.Length,
            Channels = field.Optional("channels")?.Int() ?? defaults.Channels,
            AnomalyShare = field.Optional("anomaly_share")?.Number() ?? defaults.AnomalyShare,
        };
        return new DatasetSpec(
            DatasetSourceKind.SyntheticSequences, Name: "synthetic-sequences", Limit: limit, ValidationSplit: split, Normalize: "none", Sequence: sequence);
    }

    public static DatasetSpec ReadCsv(StoredField field, int? limit, double split)
    {
        var window = field.Required("window").Int();
        var columns = field.Optional("columns")?.Items().Select(c => c.String()).ToArray() ?? [];
        var sequence = new SequenceSpec(window, columns.Length, field.Optional("stride")?.Int() ?? window, 0, columns);
        return new DatasetSpec(
            DatasetSourceKind.CsvSequences,
            CsvPath: field.Required("path").String(),
            Limit: limit,
            ValidationSplit: split,
            Normalize: field.Optional("normalize")?.String() ?? "minmax",
            Sequence: sequence);
    }
}
