using System.Collections.Immutable;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>The parameters section: distributions, conditions, per-layer widths and the built-in catalog.</summary>
internal sealed partial class SweepFileValidator
{
    private static readonly string[] ParameterKeys = ["value", "values", "distribution", "min", "max", "q", "per_layer", "when"];

    private static readonly string[] DistributionNames =
        ["constant", "categorical", "uniform", "int_uniform", "q_uniform", "log_uniform", "log_uniform_values", "int_log_uniform", "q_log_uniform_values"];

    private static readonly Dictionary<string, string> UnsupportedDistributions = new(StringComparer.Ordinal)
    {
        ["normal"] = "use uniform over a range",
        ["q_normal"] = "use q_uniform over a range",
        ["log_normal"] = "use log_uniform_values over a range",
        ["q_log_normal"] = "use int_log_uniform over a range",
        ["inv_log_uniform"] = "use log_uniform_values",
        ["inv_log_uniform_values"] = "use log_uniform_values",
        ["q_log_uniform"] = "AeSweep's ranges take the values themselves: use int_log_uniform or log_uniform_values",
    };

    private sealed record ParameterDraft(string Name, string Path, DocNode Node, ParameterDistribution Distribution, DocMapping? When, bool PerLayer, ParameterCondition? Condition = null);

    private SearchSpace? ReadParameters(DocNode? node, DocMapping root, bool isProgram, ImmutableArray<ModelFamily>? models, DatasetSpec? dataset)
    {
        var drafts = new List<ParameterDraft>();
        if (models is { } families)
        {
            var values = families.Select(f => ParameterValue.Of(f.ToName())).ToImmutableArray();
            ParameterDistribution distribution = values.Length == 1 ? new ConstantDistribution(values[0]) : new CategoricalDistribution(values);
            drafts.Add(new ParameterDraft(SweepDefinition.ModelParameter, "model", root["model"]!, distribution, null, false));
        }

        if (node is null)
        {
            if (!isProgram)
            {
                Error("parameters", root, "required: at least epochs, e.g. parameters: {epochs: {value: 10}}");
            }

            return errors.Count == 0 ? new SearchSpace(drafts.Select(d => new SearchParameter(d.Name, d.Distribution))) : null;
        }

        if (!ExpectMapping(node, "parameters", "of parameter names to {value | values | min, max}", out var map))
        {
            return null;
        }

        var errorsBefore = errors.Count;
        foreach (var (key, spec) in map.Entries)
        {
            var path = $"parameters.{key.Text}";
            if (key.Text == SweepDefinition.ModelParameter && !isProgram)
            {
                Error(path, key, "the model family is set by the top-level model: key (it may be searched there: model: {values: [dense, conv]})");
                continue;
            }

            if (!isProgram && ParameterCatalog.Find(key.Text) is null)
            {
                var candidates = ParameterCatalog.All.Select(p => p.Name);
                Error(path, key, NameSuggestions.WithSuggestion("unknown parameter for built-in models (a program: sweep may use any name)", key.Text, candidates));
                continue;
            }

            if (string.IsNullOrWhiteSpace(key.Text) || key.Text.Length > 100)
            {
                Error(path, key, "parameter names must be 1 to 100 characters");
                continue;
            }

            if (ReadParameter(key.Text, path, spec) is { } draft)
            {
                drafts.Add(draft);
            }
        }

        if (!isProgram && !map.ContainsKey(ParameterNames.Epochs))
        {
            Error("parameters.epochs", map, "required for built-in models, e.g. epochs: {value: 10}");
        }

        if (errors.Count > errorsBefore)
        {
            // Still check the parameters that did parse against their bounds: every mistake is reported at once.
            if (!isProgram)
            {
                foreach (var draft in drafts.Where(d => d.Name != SweepDefinition.ModelParameter))
                {
                    CheckAgainstCatalog(draft);
                }
            }

            // ...and against the method (a grid needs discrete values), which otherwise only sees a valid space.
            _parametersThatParsed = [.. drafts.Select(d => new SearchParameter(d.Name, d.Distribution))];
            return null;
        }

        drafts = ExpandPerLayer(drafts, map);
        if (!isProgram)
        {
            foreach (var draft in drafts.Where(d => d.Name != SweepDefinition.ModelParameter))
            {
                CheckAgainstCatalog(draft);
            }

            CheckLossAgainstData(drafts, dataset);
        }

        return errors.Count > errorsBefore ? null : OrderByCondition(drafts);
    }

    private ParameterDraft? ReadParameter(string name, string path, DocNode spec)
    {
        switch (spec)
        {
            case DocScalar:
                return ReadValue(spec, path) is { } constant ? new(name, path, spec, new ConstantDistribution(constant), null, false) : null;
            case DocSequence list:
                return ReadChoices(list, path) is { } choices ? new(name, path, spec, new CategoricalDistribution(choices), null, false) : null;
        }

        var map = (DocMapping)spec;
        CheckKeys(map, path, ParameterKeys);
        var distributionName = map["distribution"] is { } dn ? ReadString(dn, $"{path}.distribution") : null;
        if (distributionName is not null && !DistributionNames.Contains(distributionName))
        {
            var message = UnsupportedDistributions.TryGetValue(distributionName, out var alternative)
                ? $"W&B's {distributionName} is not supported; {alternative}"
                : NameSuggestions.WithSuggestion($"'{distributionName}' is not a distribution ({string.Join(", ", DistributionNames)})", distributionName, DistributionNames);
            Error($"{path}.distribution", map["distribution"], message);
            return null;
        }

        var forms = new[] { "value", "values", "min" }.Count(map.ContainsKey);
        if (forms > 1 || (map.ContainsKey("value") && map.ContainsKey("max")) || (map.ContainsKey("values") && map.ContainsKey("max")))
        {
            Error(path, spec, "give one of value, values, or min and max — not several");
            return null;
        }

        if (forms == 0 && !map.ContainsKey("max"))
        {
            Error(path, spec, "needs value: X, values: [...], or min: and max:");
            return null;
        }

        var perLayer = map["per_layer"] is { } pl && ReadBoolean(pl, $"{path}.per_layer") == true;
        if (perLayer && name != ParameterNames.Width)
        {
            Error($"{path}.per_layer", map["per_layer"], "only width can be searched per layer (width_1 … width_depth)");
        }

        if (map["when"] is { } when && when is not DocMapping)
        {
            Error($"{path}.when", when, $"must be a mapping {{parameter: value}}, not {when.KindName}");
            return null;
        }

        var distribution = BuildDistribution(map, path, distributionName);
        return distribution is null ? null : new(name, path, spec, distribution, map["when"] as DocMapping, perLayer);
    }

    private ParameterDistribution? BuildDistribution(DocMapping map, string path, string? distributionName)
    {
        if (map["value"] is { } valueNode)
        {
            if (distributionName is not (null or "constant"))
            {
                Error($"{path}.distribution", map["distribution"], $"{distributionName} needs {(distributionName == "categorical" ? "values: [...]" : "min and max")}, not value");
                return null;
            }

            return ReadValue(valueNode, $"{path}.value") is { } v ? new ConstantDistribution(v) : null;
        }

        if (map["values"] is { } valuesNode)
        {
            if (distributionName is not (null or "categorical"))
            {
                Error($"{path}.distribution", map["distribution"], $"{distributionName} needs min and max, not values");
                return null;
            }

            if (valuesNode is not DocSequence list)
            {
                Error($"{path}.values", valuesNode, $"must be a list, not {valuesNode.KindName}");
                return null;
            }

            return ReadChoices(list, $"{path}.values") is { } choices ? new CategoricalDistribution(choices) : null;
        }

        if (distributionName is "constant" or "categorical")
        {
            Error($"{path}.distribution", map["distribution"], $"{distributionName} needs {(distributionName == "constant" ? "value" : "values")}, not min and max");
            return null;
        }

        return BuildRange(map, path, distributionName);
    }

    private ParameterDistribution? BuildRange(DocMapping map, string path, string? distributionName)
    {
        if (map["min"] is not DocScalar minNode || map["max"] is not DocScalar maxNode)
        {
            var missing = map["min"] is null ? "min" : map["max"] is null ? "max" : map["min"] is not DocScalar ? "min" : "max";
            Error($"{path}.{missing}", map[missing] ?? map, map[missing] is null ? "required with " + (missing == "min" ? "max" : "min") : "must be a number");
            return null;
        }

        var lowOk = minNode.TryGetDouble(out var low);
        var highOk = maxNode.TryGetDouble(out var high);
        if (!lowOk)
        {
            Error($"{path}.min", minNode, $"must be a number, not {Describe(minNode)}");
        }

        if (!highOk)
        {
            Error($"{path}.max", maxNode, $"must be a number, not {Describe(maxNode)}");
        }

        double? q = null;
        if (map["q"] is { } qNode)
        {
            q = ReadNumber(qNode, $"{path}.q", 0, double.MaxValue, minExclusive: true);
            if (q is null)
            {
                return null;
            }
        }

        if (!lowOk || !highOk)
        {
            return null;
        }

        if (low >= high)
        {
            Error($"{path}.max", maxNode, low == high ? $"equals min ({minNode.Text}); for a fixed value write value: {minNode.Text}" : $"must be greater than min ({minNode.Text})");
            return null;
        }

        var integers = minNode.IsIntegerLiteral && maxNode.IsIntegerLiteral;
        var kind = distributionName ?? (integers && (q is null || q == Math.Floor(q.Value)) ? "int_uniform" : "uniform");
        switch (kind)
        {
            case "uniform":
                return new FloatDistribution(low, high, step: q);
            case "q_uniform":
                if (q is null)
                {
                    Error($"{path}.q", map, "required by q_uniform: the step between values");
                    return null;
                }

                return integers && q == Math.Floor(q.Value) ? new IntDistribution((long)low, (long)high, step: (long)q.Value) : new FloatDistribution(low, high, step: q);
            case "int_uniform":
                if (!integers)
                {
                    Error(!minNode.IsIntegerLiteral ? $"{path}.min" : $"{path}.max", !minNode.IsIntegerLiteral ? minNode : maxNode, "int_uniform needs integer min and max");
                    return null;
                }

                if (q is not null && q != Math.Floor(q.Value))
                {
                    Error($"{path}.q", map["q"], "int_uniform needs an integer step q");
                    return null;
                }

                return new IntDistribution((long)low, (long)high, step: (long)(q ?? 1));
            case "log_uniform" or "log_uniform_values":
                if (low <= 0)
                {
                    var wandb = kind == "log_uniform" && high < 50
                        ? $"; this looks like W&B's log_uniform, whose bounds are exponents of e — the same range here is log_uniform_values with min: {Math.Exp(low):G3} and max: {Math.Exp(high):G3}"
                        : string.Empty;
                    Error($"{path}.min", minNode, $"{kind} takes the values themselves and needs min > 0{wandb}");
                    return null;
                }

                if (q is not null)
                {
                    Error($"{path}.q", map["q"], $"{kind} takes no step; use int_log_uniform for integers");
                    return null;
                }

                return new FloatDistribution(low, high, log: true);
            case "int_log_uniform" or "q_log_uniform_values":
                if (!integers || low < 1)
                {
                    Error($"{path}.min", minNode, $"{kind} needs integer bounds with min ≥ 1");
                    return null;
                }

                if (q is not null && q != 1)
                {
                    Error($"{path}.q", map["q"], $"{kind} supports only a step of 1 (log-scale ranges with larger steps are uneven)");
                    return null;
                }

                return new IntDistribution((long)low, (long)high, log: true);
            default:
                Error($"{path}.distribution", map["distribution"], $"{kind} needs {(kind == "constant" ? "value" : "values")}");
                return null;
        }
    }

    private ImmutableArray<ParameterValue>? ReadChoices(DocSequence list, string path)
    {
        if (list.Items.Count == 0)
        {
            Error(path, list, "must list at least one value");
            return null;
        }

        if (list.Items.Count > 10_000)
        {
            Error(path, list, "lists more than 10,000 values");
            return null;
        }

        var choices = new List<ParameterValue>();
        var ok = true;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var value = ReadValue(list.Items[i], $"{path}[{i}]");
            if (value is null)
            {
                ok = false;
            }
            else if (choices.Contains(value.Value))
            {
                Error($"{path}[{i}]", list.Items[i], $"{value} is listed twice");
                ok = false;
            }
            else
            {
                choices.Add(value.Value);
            }
        }

        return ok ? [.. choices] : null;
    }
}
