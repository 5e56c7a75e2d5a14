using System.Collections.Immutable;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>Per-layer widths, the built-in parameter catalog, cross-field rules and conditional ordering.</summary>
internal sealed partial class SweepFileValidator
{
    private List<ParameterDraft> ExpandPerLayer(List<ParameterDraft> drafts, DocMapping parameters)
    {
        var width = drafts.FirstOrDefault(d => d.PerLayer);
        if (width is null)
        {
            return drafts;
        }

        var depth = drafts.FirstOrDefault(d => d.Name == ParameterNames.Depth);
        if (depth?.Distribution.NumericRange is not { } range)
        {
            Error($"{width.Path}.per_layer", width.Node, "per-layer widths follow depth, so depth must be a numeric parameter");
            return drafts;
        }

        if (width.When is not null)
        {
            Error($"{width.Path}.when", width.When, "per-layer widths already depend on depth; they take no other condition");
            return drafts;
        }

        var maxLayers = (int)Math.Clamp(range.Max, 1, ParameterCatalog.MaxLayers);
        var minLayers = (int)Math.Clamp(range.Min, 1, ParameterCatalog.MaxLayers);
        var expanded = new List<ParameterDraft>();
        foreach (var draft in drafts)
        {
            if (draft != width)
            {
                expanded.Add(draft);
                continue;
            }

            for (var layer = 1; layer <= maxLayers; layer++)
            {
                var name = ParameterCatalog.LayerWidthName(layer);
                if (parameters.ContainsKey(name))
                {
                    Error($"parameters.{name}", parameters[name], "is already searched by width with per_layer: true");
                }

                // Layers every depth has need no condition; deeper ones exist only when depth reaches them.
                var condition = layer <= minLayers ? null : new ParameterCondition(ParameterNames.Depth, Min: layer);
                expanded.Add(draft with { Name = name, PerLayer = false, When = null, Condition = condition });
            }
        }

        return expanded;
    }

    private void CheckAgainstCatalog(ParameterDraft draft)
    {
        var known = ParameterCatalog.Find(draft.Name)!;
        var accepted = known.DescribeAccepted();
        switch (draft.Distribution)
        {
            case ConstantDistribution constant:
                CheckValue(known, constant.Value, $"{draft.Path}.value", draft.Node is DocMapping m ? m["value"] : draft.Node, accepted);
                break;
            case CategoricalDistribution categorical:
                var list = draft.Node as DocSequence ?? (draft.Node as DocMapping)?["values"] as DocSequence;
                var listPath = draft.Node is DocSequence ? draft.Path : $"{draft.Path}.values";
                for (var i = 0; i < categorical.Choices.Length; i++)
                {
                    CheckValue(known, categorical.Choices[i], $"{listPath}[{i}]", list?.Items.ElementAtOrDefault(i), accepted);
                }

                break;
            default:
                var node = draft.Node as DocMapping;
                if (known.IsCategorical)
                {
                    Error(draft.Path, draft.Node, $"{draft.Name} takes {accepted}, not a numeric range");
                    return;
                }

                var (low, high) = draft.Distribution.NumericRange!.Value;
                if (known.IsInteger && draft.Distribution is FloatDistribution)
                {
                    Error(draft.Path, draft.Node, $"{draft.Name} takes integers: write integer min and max (or distribution: int_uniform / int_log_uniform)");
                    return;
                }

                if (low < known.Min || (known.MinExclusive && low <= known.Min))
                {
                    Error($"{draft.Path}.min", node?["min"], $"must be {accepted}");
                }

                if (high > known.Max)
                {
                    Error($"{draft.Path}.max", node?["max"], $"must be {accepted}");
                }

                break;
        }
    }

    private void CheckValue(CatalogParameter known, ParameterValue value, string path, DocNode? node, string accepted)
    {
        if (known.Choices is { } choices)
        {
            if (value.Kind != ParameterValueKind.String || !choices.Contains(value.AsString()))
            {
                Error(path, node, NameSuggestions.WithSuggestion($"must be {accepted}, not {value}", value.AsString(), choices));
            }

            return;
        }

        if (!value.IsNumeric)
        {
            Error(path, node, $"must be {accepted}, not '{value}'");
            return;
        }

        var v = value.AsDouble();
        var integral = v == Math.Floor(v);
        if ((known.IsInteger && !integral) || v < known.Min || (known.MinExclusive && v <= known.Min) || v > known.Max)
        {
            Error(path, node, $"must be {accepted}, not {value}");
        }
    }

    private void CheckLossAgainstData(List<ParameterDraft> drafts, DatasetSpec? dataset)
    {
        if (dataset is null || dataset.ValuesInUnitInterval || drafts.FirstOrDefault(d => d.Name == ParameterNames.Loss) is not { } loss)
        {
            return;
        }

        var bce = ParameterValue.Of("bce");
        if (!loss.Distribution.Contains(bce))
        {
            return;
        }

        var path = loss.Distribution is CategoricalDistribution c
            ? (loss.Node is DocSequence ? loss.Path : $"{loss.Path}.values") + $"[{c.IndexOf(bce)}]"
            : $"{loss.Path}.value";
        Error(path, loss.Node, $"bce needs data in [0, 1], but dataset.normalize is {dataset.Normalize}; use normalize: minmax, or mse / l1");
    }

    private SearchSpace? OrderByCondition(List<ParameterDraft> drafts)
    {
        var byName = drafts.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var withConditions = new List<(ParameterDraft Draft, ParameterCondition? Condition)>();
        foreach (var draft in drafts)
        {
            withConditions.Add((draft, draft.Condition ?? (draft.When is { } when ? ReadCondition(draft, when, byName) : null)));
        }

        var errorsBefore = errors.Count;
        var ordered = new List<SearchParameter>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = withConditions.ToList();
        while (remaining.Count > 0)
        {
            // Keep file order, moving a conditional parameter after its parent where needed.
            var next = remaining.FindIndex(r => r.Condition is null || placed.Contains(r.Condition.Parent));
            if (next < 0)
            {
                foreach (var (draft, _) in remaining)
                {
                    Error($"{draft.Path}.when", draft.When, "conditions form a cycle (each parameter's condition depends on the other)");
                }

                return null;
            }

            var (d, condition) = remaining[next];
            remaining.RemoveAt(next);
            ordered.Add(new SearchParameter(d.Name, d.Distribution, condition));
            placed.Add(d.Name);
        }

        return errors.Count > errorsBefore ? null : new SearchSpace(ordered);
    }

    private ParameterCondition? ReadCondition(ParameterDraft draft, DocMapping when, Dictionary<string, ParameterDraft> byName)
    {
        var path = $"{draft.Path}.when";
        if (when.Entries.Count != 1)
        {
            Error(path, when, "must name exactly one parameter, e.g. when: {model: vae} or when: {depth: {min: 3}}");
            return null;
        }

        var (parentKey, test) = when.Entries[0];
        var parentPath = $"{path}.{parentKey.Text}";
        if (parentKey.Text == draft.Name)
        {
            Error(parentPath, parentKey, "a parameter cannot depend on itself");
            return null;
        }

        if (!byName.TryGetValue(parentKey.Text, out var parent))
        {
            Error(parentPath, parentKey, NameSuggestions.WithSuggestion("names no parameter of this sweep", parentKey.Text, byName.Keys));
            return null;
        }

        switch (test)
        {
            case DocMapping range:
                CheckKeys(range, parentPath, ["min", "max"]);
                var min = range["min"] is { } mn ? ReadNumber(mn, $"{parentPath}.min", double.MinValue, double.MaxValue) : null;
                var max = range["max"] is { } mx ? ReadNumber(mx, $"{parentPath}.max", double.MinValue, double.MaxValue) : null;
                if (min is null && max is null)
                {
                    Error(parentPath, range, "needs min and/or max");
                    return null;
                }

                if (parent.Distribution.NumericRange is null)
                {
                    Error(parentPath, range, $"{parent.Name} is not numeric; list the values instead");
                    return null;
                }

                return new ParameterCondition(parent.Name, Min: min, Max: max);
            default:
                var items = test is DocSequence seq ? seq.Items : [test];
                var values = new List<ParameterValue>();
                for (var i = 0; i < items.Count; i++)
                {
                    var itemPath = test is DocSequence ? $"{parentPath}[{i}]" : parentPath;
                    if (ReadValue(items[i], itemPath) is not { } value)
                    {
                        continue;
                    }

                    if (!parent.Distribution.Contains(value))
                    {
                        var possible = parent.Distribution.IsDiscrete && parent.Distribution.EnumerateValues().Count <= 20
                            ? $" ({string.Join(", ", parent.Distribution.EnumerateValues())})"
                            : string.Empty;
                        Error(itemPath, items[i], NameSuggestions.WithSuggestion($"{value} is not a value {parent.Name} can take{possible}", value.AsString(),
                            parent.Distribution.IsDiscrete ? parent.Distribution.EnumerateValues().Take(100).Select(v => v.AsString()) : []));
                    }

                    values.Add(value);
                }

                return new ParameterCondition(parent.Name, Values: values.ToImmutableArray());
        }
    }
}
