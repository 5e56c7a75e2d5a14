using System.Collections.Immutable;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>The dataset, model, program and early_terminate sections.</summary>
internal sealed partial class SweepFileValidator
{
    private static readonly string[] DatasetKeys = ["name", "type", "images", "labels", "path", "limit", "validation_split", "normalize", "label_column", "anomaly_classes", .. SequenceKeys];

    private DatasetSpec? ReadDataset(DocNode node)
    {
        if (node is DocScalar scalar)
        {
            var name = ReadString(node, "dataset");
            return name is null ? null : BuiltIn(name, "dataset", scalar, null, 0.1);
        }

        if (!ExpectMapping(node, "dataset", "(a built-in name, or {type: idx|csv, ...})", out var map))
        {
            return null;
        }

        CheckKeys(map, "dataset", DatasetKeys);
        var limit = map["limit"] is { } l ? (int?)ReadInteger(l, "dataset.limit", 1, int.MaxValue) : null;
        var split = map["validation_split"] is { } v ? ReadNumber(v, "dataset.validation_split", 0, 1, minExclusive: true, maxExclusive: true) ?? 0.1 : 0.1;
        var type = map["type"] is { } t ? ReadString(t, "dataset.type") : null;

        if (map["name"] is { } nameNode)
        {
            if (type is not null and not "builtin")
            {
                Error("dataset.name", nameNode, $"name selects a built-in dataset; a {type} dataset is given by its files instead");
            }

            RejectKeys(map, "dataset", "built-in datasets", "images", "labels", "path", "normalize", "label_column");
            var name = ReadString(nameNode, "dataset.name");
            if (name == SyntheticSequencesName)
            {
                return ReadSyntheticSequences(map, limit, split);
            }

            RejectKeys(map, "dataset", "image datasets", SequenceKeys);
            return name is null ? null : BuiltIn(name, "dataset.name", nameNode, limit, split);
        }

        if (type is not (CsvSequencesType or SyntheticSequencesName))
        {
            RejectKeys(map, "dataset", $"{type ?? "these"} datasets", SequenceKeys);
        }

        switch (type)
        {
            case CsvSequencesType:
                return ReadCsvSequences(map, limit, split);
            case SyntheticSequencesName:
                RejectKeys(map, "dataset", "synthetic sequences", "images", "labels", "path", "normalize", "label_column");
                return ReadSyntheticSequences(map, limit, split);
            case null:
                Error("dataset", map, "needs name: (a built-in dataset) or type: idx|csv|csv-sequences");
                return null;
            case "idx":
                RejectKeys(map, "dataset", "idx datasets", "path", "normalize", "label_column");
                var images = RequiredPath(map, "images", "dataset.images");
                var labels = map["labels"] is { } labelsNode ? ResolvePath(labelsNode, "dataset.labels") : null;
                return images is null ? null : new DatasetSpec(DatasetSourceKind.Idx, ImagesPath: images, LabelsPath: labels, Limit: limit, ValidationSplit: split);
            case "csv":
                RejectKeys(map, "dataset", "csv datasets", "images", "labels");
                var csv = RequiredPath(map, "path", "dataset.path");
                var normalize = map["normalize"] is { } n ? ReadString(n, "dataset.normalize") : "minmax";
                if (normalize is not null and not ("minmax" or "standard" or "none"))
                {
                    Error("dataset.normalize", map["normalize"], NameSuggestions.WithSuggestion($"'{normalize}' is not a normalization (minmax, standard, none)", normalize, ["minmax", "standard", "none"]));
                }

                return csv is null ? null : new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv, Limit: limit, ValidationSplit: split, Normalize: normalize ?? "minmax", LabelColumn: ReadLabelColumn(map));
            case "synthetic":
                RejectKeys(map, "dataset", "synthetic datasets", "images", "labels", "path", "normalize", "label_column");
                return new DatasetSpec(DatasetSourceKind.Synthetic, Name: "synthetic", Limit: limit, ValidationSplit: split);
            case "builtin":
                Error("dataset.name", map, "required for a built-in dataset");
                return null;
            default:
                Error("dataset.type", map["type"], NameSuggestions.WithSuggestion($"'{type}' is not a dataset type (idx, csv, csv-sequences, synthetic, synthetic-sequences)", type, ["idx", "csv", "csv-sequences", "synthetic", "synthetic-sequences"]));
                return null;
        }
    }

    private DatasetSpec? BuiltIn(string name, string path, DocNode node, int? limit, double split)
    {
        if (name == SyntheticSequencesName)
        {
            return ReadSyntheticSequences(null, limit, split);
        }

        if (DatasetSpec.BuiltInNames.Contains(name))
        {
            return name == "synthetic"
                ? new DatasetSpec(DatasetSourceKind.Synthetic, Name: name, Limit: limit, ValidationSplit: split)
                : new DatasetSpec(DatasetSourceKind.BuiltIn, Name: name, Limit: limit, ValidationSplit: split);
        }

        var hint = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? $"; for a CSV file write {{type: csv, path: {name}}}"
            : name.Contains("idx", StringComparison.OrdinalIgnoreCase) ? $"; for IDX files write {{type: idx, images: PATH, labels: PATH}}"
            : string.Empty;
        Error(path, node, NameSuggestions.WithSuggestion($"'{name}' is not a built-in dataset ({string.Join(", ", DatasetSpec.BuiltInNames)}){hint}", name, DatasetSpec.BuiltInNames));
        return null;
    }

    private void RejectKeys(DocMapping map, string path, string what, params string[] keys)
    {
        foreach (var key in keys.Where(map.ContainsKey))
        {
            Error(Join(path, key), map.Entries.First(e => e.Key.Text == key).Key, $"does not apply to {what}");
        }
    }

    private string? RequiredPath(DocMapping map, string key, string path)
    {
        if (map[key] is { } node)
        {
            return ResolvePath(node, path);
        }

        Error(path, map, "required: the path of the file");
        return null;
    }

    private string? ResolvePath(DocNode node, string path)
    {
        var text = ReadString(node, path);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (text is not null)
            {
                Error(path, node, "must not be empty");
            }

            return null;
        }

        string resolved;
        try
        {
            resolved = options.BaseDirectory is { } baseDir && !Path.IsPathRooted(text) ? Path.GetFullPath(Path.Combine(baseDir, text)) : text;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Error(path, node, $"'{Truncate(text)}' is not a valid path");
            return null;
        }

        if (options.CheckFilesExist && !File.Exists(resolved))
        {
            Error(path, node, $"file not found: {resolved}");
        }

        return resolved;
    }

    private ImmutableArray<ModelFamily>? ReadModels(DocNode node)
    {
        var entries = new List<(DocNode Node, string Path)>();
        switch (node)
        {
            case DocScalar:
                entries.Add((node, "model"));
                break;
            case DocSequence list:
                entries.AddRange(list.Items.Select((item, i) => (item, $"model[{i}]")));
                break;
            case DocMapping map:
                CheckKeys(map, "model", ["value", "values"]);
                if (map["value"] is { } value)
                {
                    entries.Add((value, "model.value"));
                }
                else if (map["values"] is DocSequence values)
                {
                    entries.AddRange(values.Items.Select((item, i) => (item, $"model.values[{i}]")));
                }
                else
                {
                    Error("model", node, "must be a family name, or {values: [dense, conv, ...]}");
                    return null;
                }

                break;
        }

        if (entries.Count == 0)
        {
            Error("model", node, "needs at least one model family");
            return null;
        }

        var families = new List<ModelFamily>();
        foreach (var (entry, path) in entries)
        {
            var name = ReadString(entry, path);
            if (name is null)
            {
                continue;
            }

            if (!ModelFamilyNames.TryParse(name, out var family))
            {
                Error(path, entry, NameSuggestions.WithSuggestion($"'{name}' is not a model family ({string.Join(", ", ModelFamilyNames.All)})", name, ModelFamilyNames.All));
            }
            else if (families.Contains(family))
            {
                Error(path, entry, $"'{name}' is listed twice");
            }
            else
            {
                families.Add(family);
            }
        }

        return families.Count == entries.Count ? [.. families] : null;
    }

    private ProgramSpec? ReadProgram(DocNode node)
    {
        DocNode? commandNode = node;
        string? workingDirectory = null;
        if (node is DocMapping map)
        {
            CheckKeys(map, "program", ["command", "working_directory", "ask_tell"]);
            commandNode = map["command"];
            if (map["ask_tell"] is { } askTellNode && ReadBoolean(askTellNode, "program.ask_tell") == true)
            {
                if (commandNode is not null || map.ContainsKey("working_directory"))
                {
                    Error("program.ask_tell", askTellNode, "an ask-and-tell sweep runs no command: drop command and working_directory, or drop ask_tell");
                    return null;
                }

                return ProgramSpec.External;
            }

            if (commandNode is null)
            {
                Error("program.command", map, "required: the command to run, e.g. [python3, train.py] (or ask_tell: true for a trainer that asks and tells through the API)");
                return null;
            }

            if (map["working_directory"] is { } wd)
            {
                workingDirectory = ReadString(wd, "program.working_directory");
                if (workingDirectory is not null && options.BaseDirectory is { } baseDir && !Path.IsPathRooted(workingDirectory))
                {
                    workingDirectory = Path.GetFullPath(Path.Combine(baseDir, workingDirectory));
                }
            }
        }

        var path = node is DocMapping ? "program.command" : "program";
        var parts = new List<string>();
        switch (commandNode)
        {
            case DocScalar:
                var text = ReadString(commandNode, path);
                parts.AddRange(text?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
                break;
            case DocSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (ReadString(list.Items[i], $"{path}[{i}]") is { } part)
                    {
                        parts.Add(part);
                    }
                }

                break;
            default:
                Error(path, commandNode, $"must be a list of arguments, not {commandNode.KindName}");
                return null;
        }

        if (parts.Count == 0)
        {
            Error(path, commandNode, "must name a command to run");
            return null;
        }

        return new ProgramSpec([.. parts], workingDirectory ?? options.BaseDirectory);
    }

    private EarlyTerminateSpec? ReadEarlyTerminate(DocNode? node, SearchSpace? space)
    {
        if (node is null)
        {
            return EarlyTerminateSpec.None;
        }

        if (!ExpectMapping(node, "early_terminate", "{type: median|asha|hyperband|pasha, ...}", out var map))
        {
            return null;
        }

        CheckKeys(map, "early_terminate",
            ["type", "min_epochs", "min_iter", "reduction_factor", "eta", "max_epochs", "max_iter", "startup_trials", "warmup_epochs", "extrapolate"]);
        var typeText = map["type"] is { } t ? ReadString(t, "early_terminate.type") : null;
        if (map["type"] is null)
        {
            Error("early_terminate.type", map, "required: none, median, asha, hyperband or pasha");
        }

        EarlyTerminateType? type = typeText switch
        {
            null => null,
            "none" => EarlyTerminateType.None,
            "median" => EarlyTerminateType.Median,
            "asha" or "successive_halving" => EarlyTerminateType.Asha,
            "hyperband" => EarlyTerminateType.Hyperband,
            "pasha" => EarlyTerminateType.Pasha,
            _ => null,
        };
        if (typeText is not null && type is null)
        {
            Error("early_terminate.type", map["type"], NameSuggestions.WithSuggestion($"'{typeText}' is not a pruner (none, median, asha, hyperband, pasha)", typeText, ["none", "median", "asha", "hyperband", "pasha"]));
        }

        var minEpochs = Synonym(map, "min_epochs", "min_iter", 1, 100_000);
        var reduction = Synonym(map, "reduction_factor", "eta", 2, 100);
        var maxEpochs = Synonym(map, "max_epochs", "max_iter", 1, 100_000);
        var startup = map["startup_trials"] is { } s ? ReadInteger(s, "early_terminate.startup_trials", 0, 100_000) : null;
        var warmup = map["warmup_epochs"] is { } w ? ReadInteger(w, "early_terminate.warmup_epochs", 0, 100_000) : null;
        var extrapolate = map["extrapolate"] is { } x && ReadBoolean(x, "early_terminate.extrapolate") == true;
        if (extrapolate && type is EarlyTerminateType.Median or EarlyTerminateType.Pasha or EarlyTerminateType.None)
        {
            Error("early_terminate.extrapolate", map["extrapolate"], $"is for asha and hyperband, not the {typeText} pruner");
        }

        if (type is EarlyTerminateType.Median or EarlyTerminateType.None)
        {
            RejectKeys(map, "early_terminate", $"the {typeText} pruner", "min_epochs", "min_iter", "reduction_factor", "eta", "max_epochs", "max_iter");
        }

        if (type is EarlyTerminateType.Asha or EarlyTerminateType.Hyperband or EarlyTerminateType.Pasha or EarlyTerminateType.None)
        {
            RejectKeys(map, "early_terminate", $"the {typeText} pruner", "startup_trials", "warmup_epochs");
        }

        var mostEpochs = space?.Find(ParameterNames.Epochs)?.Distribution.NumericRange?.Max;
        var resourceTop = maxEpochs ?? mostEpochs;
        if (type is EarlyTerminateType.Asha or EarlyTerminateType.Hyperband or EarlyTerminateType.Pasha && minEpochs is { } min && resourceTop is { } top && min >= top)
        {
            var at = map["min_epochs"] ?? map["min_iter"];
            Error(at == map["min_iter"] ? "early_terminate.min_iter" : "early_terminate.min_epochs", at,
                $"must be smaller than the most epochs a trial runs ({top}); otherwise nothing is ever pruned");
        }

        if (extrapolate && type is EarlyTerminateType.Asha or EarlyTerminateType.Hyperband && resourceTop is null)
        {
            Error("early_terminate.extrapolate", map["extrapolate"], "needs the epochs of a full trial, where the curves are forecast: give max_epochs or an epochs parameter");
        }

        if (maxEpochs is { } maxE && mostEpochs is { } most && maxE > most)
        {
            var at = map["max_epochs"] ?? map["max_iter"];
            Error(at == map["max_iter"] ? "early_terminate.max_iter" : "early_terminate.max_epochs", at, $"is {maxE}, but no trial runs more than {most} epochs");
        }

        if (type is null)
        {
            return null;
        }

        var defaults = new EarlyTerminateSpec(type.Value);
        return defaults with
        {
            MinEpochs = (int)(minEpochs ?? defaults.MinEpochs),
            ReductionFactor = (int)(reduction ?? defaults.ReductionFactor),
            MaxEpochs = (int?)maxEpochs,
            StartupTrials = (int)(startup ?? defaults.StartupTrials),
            WarmupEpochs = (int)(warmup ?? defaults.WarmupEpochs),
            Extrapolate = extrapolate,
        };
    }

    private long? Synonym(DocMapping map, string ours, string wandb, long min, long max)
    {
        if (map[ours] is { } a && map[wandb] is not null)
        {
            Error($"early_terminate.{wandb}", map[wandb], $"is W&B's spelling of {ours}; give one of them");
            return ReadInteger(a, $"early_terminate.{ours}", min, max);
        }

        if (map[ours] is { } node)
        {
            return ReadInteger(node, $"early_terminate.{ours}", min, max);
        }

        return map[wandb] is { } w ? ReadInteger(w, $"early_terminate.{wandb}", min, max) : null;
    }
}
