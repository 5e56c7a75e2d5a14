using System.Collections.Immutable;
using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Sequence datasets (<c>synthetic-sequences</c>, <c>{type: csv-sequences, ...}</c>) and the lstm family's fit to the
/// data. With <see cref="SweepParseOptions.CheckFilesExist"/> a CSV series is read far enough to check <c>columns</c>
/// against its header and <c>window</c> against its rows, so those mistakes surface before any trial runs.
/// </summary>
internal sealed partial class SweepFileValidator
{
    /// <summary>Keys only sequence datasets take (a property: the other partial files' static fields read it while initialising).</summary>
    private static string[] SequenceKeys => ["length", "channels", "anomaly_share", "window", "stride", "columns"];

    private const string SyntheticSequencesName = "synthetic-sequences";
    private const string CsvSequencesType = "csv-sequences";

    private DatasetSpec? ReadSyntheticSequences(DocMapping? map, int? limit, double split)
    {
        var defaults = SequenceSpec.SyntheticDefault;
        if (map is null)
        {
            return SyntheticSequences(defaults, limit, split);
        }

        RejectKeys(map, "dataset", "synthetic sequences", "window", "stride", "columns");
        var length = map["length"] is { } l ? ReadInteger(l, "dataset.length", SequenceSpec.MinLength, SequenceSpec.MaxLength) : defaults.Length;
        var channels = map["channels"] is { } c ? ReadInteger(c, "dataset.channels", 1, SequenceSpec.MaxChannels) : defaults.Channels;
        var share = map["anomaly_share"] is { } a ? ReadNumber(a, "dataset.anomaly_share", 0, SequenceSpec.MaxAnomalyShare) : defaults.AnomalyShare;
        return length is null || channels is null || share is null
            ? null
            : SyntheticSequences(defaults with { Length = (int)length, Channels = (int)channels, AnomalyShare = share.Value }, limit, split);
    }

    private static DatasetSpec SyntheticSequences(SequenceSpec sequence, int? limit, double split) =>
        new(DatasetSourceKind.SyntheticSequences, Name: SyntheticSequencesName, Limit: limit, ValidationSplit: split, Normalize: "none", Sequence: sequence);

    private DatasetSpec? ReadCsvSequences(DocMapping map, int? limit, double split)
    {
        RejectKeys(map, "dataset", "csv-sequences datasets", "images", "labels", "length", "channels", "anomaly_share", "label_column");
        var errorsBefore = errors.Count;
        var path = RequiredPath(map, "path", "dataset.path");
        var normalize = map["normalize"] is { } n ? ReadString(n, "dataset.normalize") : "minmax";
        if (normalize is not null and not ("minmax" or "standard" or "none"))
        {
            Error("dataset.normalize", map["normalize"], NameSuggestions.WithSuggestion($"'{normalize}' is not a normalization (minmax, standard, none)", normalize, ["minmax", "standard", "none"]));
        }

        long? window = null;
        if (map["window"] is { } w)
        {
            window = ReadInteger(w, "dataset.window", SequenceSpec.MinLength, SequenceSpec.MaxLength);
        }
        else
        {
            Error("dataset.window", map, $"required: the time steps per sample ({SequenceSpec.MinLength} to {SequenceSpec.MaxLength})");
        }

        var stride = map["stride"] is { } s ? ReadInteger(s, "dataset.stride", 1, SequenceSpec.MaxLength) : window;
        var columnNames = map["columns"] is { } c ? ReadColumnNames(c) : [];
        if (errors.Count > errorsBefore || path is null || window is null || stride is null || columnNames is not { } columns)
        {
            return null;
        }

        if (options.CheckFilesExist && File.Exists(path))
        {
            CheckSeriesFile(path, map, (int)window, columns, split);
        }

        var sequence = new SequenceSpec((int)window, columns.Length, (int)stride, 0, columns);
        return new DatasetSpec(DatasetSourceKind.CsvSequences, CsvPath: path, Limit: limit, ValidationSplit: split, Normalize: normalize ?? "minmax", Sequence: sequence);
    }

    private ImmutableArray<string>? ReadColumnNames(DocNode node)
    {
        if (node is not DocSequence list || list.Items.Count == 0)
        {
            Error("dataset.columns", node, "must be a list of column names from the file's header, e.g. [temperature, pressure]");
            return null;
        }

        if (list.Items.Count > SequenceSpec.MaxChannels)
        {
            Error("dataset.columns", node, $"lists {list.Items.Count} columns; at most {SequenceSpec.MaxChannels}");
            return null;
        }

        var names = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var name = ReadString(list.Items[i], $"dataset.columns[{i}]");
            if (string.IsNullOrWhiteSpace(name))
            {
                if (name is not null)
                {
                    Error($"dataset.columns[{i}]", list.Items[i], "must not be empty");
                }
            }
            else if (names.Contains(name, StringComparer.Ordinal))
            {
                Error($"dataset.columns[{i}]", list.Items[i], $"'{Truncate(name)}' is listed twice");
            }
            else
            {
                names.Add(name);
            }
        }

        return names.Count == list.Items.Count ? [.. names] : null;
    }

    // The header names the columns; the rows bound the window (both the training and the validation part hold one).
    private void CheckSeriesFile(string path, DocMapping map, int window, ImmutableArray<string> columns, double split)
    {
        CsvSeriesProbe probe;
        try
        {
            probe = CsvSeriesProbe.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Error("dataset.path", map["path"], e.Message);
            return;
        }

        if (columns.Length > 0 && probe.Header is null)
        {
            Error("dataset.columns", map["columns"], $"{Path.GetFileName(path)} has no header row, so its columns have no names; drop columns: to use every column");
        }
        else if (probe.Header is { } header)
        {
            var list = (DocSequence)map["columns"]!;
            for (var i = 0; i < columns.Length; i++)
            {
                if (!header.Contains(columns[i], StringComparer.Ordinal))
                {
                    Error($"dataset.columns[{i}]", list.Items[i], NameSuggestions.WithSuggestion(
                        $"'{Truncate(columns[i])}' is not a column of {Path.GetFileName(path)} ({Truncate(string.Join(", ", header))})", columns[i], header));
                }
            }
        }

        var (trainRows, validationRows) = SequenceSplit.Rows(probe.Rows, split);
        if (window > trainRows || window > validationRows)
        {
            Error("dataset.window", map["window"],
                $"is {window}, but {Path.GetFileName(path)} has {probe.Rows} rows: {trainRows} for training and {validationRows} for validation (the last validation_split of the rows), and each part needs at least one whole window");
        }
    }

    // model: lstm reads a sequence; images are read row by row; a plain table has no time axis.
    private void CheckLstmAgainstData(ImmutableArray<ModelFamily>? models, DatasetSpec? dataset, DocNode? modelNode)
    {
        if (models is { } families && families.Contains(ModelFamily.Lstm) && dataset is { IsImage: false, IsSequence: false })
        {
            Error("model", modelNode, $"lstm needs sequences ({SyntheticSequencesName} or {{type: {CsvSequencesType}, ...}}) or images (read row by row), but the dataset ({dataset.Describe()}) is a table; use a sequence dataset, or dense, denoising, sparse or vae");
        }
    }
}
