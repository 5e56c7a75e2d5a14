using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>
/// A W&amp;B file's <c>parameters</c>: nested blocks flattened to dotted names (remembered, so the program gets them
/// nested again), and every W&amp;B distribution with W&amp;B's meaning (wandb/sweeps <c>params.py</c>): <c>log_uniform</c> and
/// <c>q_log_uniform</c> bounds are natural-log exponents, <c>q</c> rounds to multiples of q (default 1.0; integer values
/// when q is written as an integer), the normal, log-normal and beta priors keep their shapes.
/// </summary>
internal sealed partial class SweepFileValidator
{
    private const int WandbNestingLimit = 8;

    // W&B's schema: each distribution's keys (additionalProperties: false).
    private static readonly Dictionary<string, string[]> WandbDistributionKeys = new(StringComparer.Ordinal)
    {
        ["constant"] = ["value"],
        ["categorical"] = ["values"],
        ["int_uniform"] = ["min", "max"],
        ["uniform"] = ["min", "max"],
        ["q_uniform"] = ["min", "max", "q"],
        ["log_uniform"] = ["min", "max"],
        ["log_uniform_values"] = ["min", "max"],
        ["q_log_uniform"] = ["min", "max", "q"],
        ["q_log_uniform_values"] = ["min", "max", "q"],
        ["inv_log_uniform"] = ["min", "max"],
        ["inv_log_uniform_values"] = ["min", "max"],
        ["normal"] = ["mu", "sigma"],
        ["q_normal"] = ["mu", "sigma", "q"],
        ["log_normal"] = ["mu", "sigma"],
        ["q_log_normal"] = ["mu", "sigma", "q"],
        ["beta"] = ["a", "b"],
        ["q_beta"] = ["a", "b", "q"],
        ["int_log_uniform"] = ["min", "max"],
    };

    private SearchSpace? ReadWandbParameters(DocNode? node, DocMapping root, List<string> nested)
    {
        if (node is null)
        {
            Error("parameters", root, "required: the parameters to search (W&B's parameters:)");
            return null;
        }

        var read = new List<SearchParameter>();
        var errorsBefore = errors.Count;
        ReadWandbBlock(node, "parameters", string.Empty, read, nested, 0);
        if (read.Count == 0 && errors.Count == errorsBefore)
        {
            Error("parameters", node, "must name at least one parameter");
        }

        _parametersThatParsed = read;
        return errors.Count > errorsBefore ? null : new SearchSpace(read);
    }

    private void ReadWandbBlock(DocNode node, string path, string prefix, List<SearchParameter> read, List<string> nested, int depth)
    {
        if (!ExpectMapping(node, path, "of parameter names to {value | values | distribution, ... | parameters}", out var map))
        {
            return;
        }

        foreach (var (key, spec) in map.Entries)
        {
            var name = prefix + key.Text;
            var keyPath = $"{path}.{key.Text}";
            if (string.IsNullOrWhiteSpace(key.Text) || name.Length > 100)
            {
                Error(keyPath, key, "parameter names must be 1 to 100 characters (nested names counted with their outer ones)");
                continue;
            }

            if (spec is DocMapping inner && inner.ContainsKey("parameters"))
            {
                CheckKeys(inner, keyPath, ["parameters"]);
                if (depth + 1 >= WandbNestingLimit)
                {
                    Error($"{keyPath}.parameters", inner, $"nests deeper than {WandbNestingLimit} levels");
                    continue;
                }

                ReadWandbBlock(inner["parameters"]!, $"{keyPath}.parameters", name + ".", read, nested, depth + 1);
                continue;
            }

            if (read.Any(p => p.Name == name))
            {
                Error(keyPath, key, $"'{name}' is given twice (a nested block's parameters are named outer.inner)");
                continue;
            }

            if (ReadWandbParameter(keyPath, spec) is { } distribution)
            {
                read.Add(new SearchParameter(name, distribution));
                if (prefix.Length > 0)
                {
                    nested.Add(name);
                }
            }
        }
    }

    private ParameterDistribution? ReadWandbParameter(string path, DocNode spec)
    {
        if (spec is not DocMapping map)
        {
            Error(path, spec, $"must be a mapping such as {{value: X}}, {{values: [...]}} or {{distribution: ..., min: ..., max: ...}} (as in W&B), not {spec.KindName}");
            return null;
        }

        var distribution = map["distribution"] is { } dn ? ReadString(dn, $"{path}.distribution") : InferWandbDistribution(map);
        if (distribution is null)
        {
            if (map["distribution"] is null)
            {
                Error(path, map, "needs value, values, min and max, or a distribution (as in W&B)");
            }

            return null;
        }

        if (distribution == "categorical_w_probabilities")
        {
            Error($"{path}.distribution", map["distribution"], "W&B's categorical_w_probabilities is not supported: AeSweep's samplers give every value the same prior weight; use values: [...]");
            return null;
        }

        if (!WandbDistributionKeys.TryGetValue(distribution, out var keys))
        {
            Error($"{path}.distribution", map["distribution"], NameSuggestions.WithSuggestion($"'{distribution}' is not a W&B distribution", distribution, WandbDistributionKeys.Keys));
            return null;
        }

        var errorsBefore = errors.Count;
        CheckKeys(map, path, ["distribution", .. keys]);
        if (errors.Count > errorsBefore)
        {
            return null;
        }

        switch (distribution)
        {
            case "constant":
                return Required(map, path, "value") is { } v && ReadValue(v, $"{path}.value") is { } constant ? new ConstantDistribution(constant) : null;
            case "categorical":
                if (Required(map, path, "values") is not { } valuesNode)
                {
                    return null;
                }

                if (valuesNode is not DocSequence list)
                {
                    Error($"{path}.values", valuesNode, $"must be a list, not {valuesNode.KindName}");
                    return null;
                }

                if (list.Items.Select((item, i) => (item, i)).FirstOrDefault(x => x.item is not DocScalar) is { item: { } nonScalar } found)
                {
                    Error($"{path}.values[{found.i}]", nonScalar, $"is {nonScalar.KindName}: W&B passes lists and mappings as values, AeSweep's parameter values are numbers, strings and booleans (give each choice a name, or one parameter per element)");
                    return null;
                }

                return ReadChoices(list, $"{path}.values") is { } choices ? new CategoricalDistribution(choices) : null;
            case "normal" or "q_normal" or "log_normal" or "q_log_normal":
                return WandbPrior(map, path, distribution.Contains("log", StringComparison.Ordinal) ? PriorKind.LogNormal : PriorKind.Normal, "mu", 0, "sigma", 1);
            case "beta" or "q_beta":
                return WandbPrior(map, path, PriorKind.Beta, "a", 1, "b", 1);
            default:
                return WandbRange(map, path, distribution);
        }
    }

    private static string? InferWandbDistribution(DocMapping map) =>
        map.ContainsKey("value") ? "constant"
        : map.ContainsKey("values") ? "categorical"
        : map["min"] is DocScalar { IsIntegerLiteral: true } && map["max"] is DocScalar { IsIntegerLiteral: true } ? "int_uniform"
        : map.ContainsKey("min") || map.ContainsKey("max") ? "uniform"
        : null;

    private DocNode? Required(DocMapping map, string path, string key)
    {
        if (map[key] is { } node)
        {
            return node;
        }

        Error($"{path}.{key}", map, $"required by this distribution");
        return null;
    }

    private ParameterDistribution? WandbPrior(DocMapping map, string path, PriorKind kind, string first, double firstDefault, string second, double secondDefault)
    {
        var a = map[first] is { } f ? ReadNumber(f, $"{path}.{first}", -1e300, 1e300) : firstDefault;
        var b = map[second] is { } s ? ReadNumber(s, $"{path}.{second}", 0, 1e300, minExclusive: true) : secondDefault;
        if (kind == PriorKind.Beta && a is <= 0)
        {
            Error($"{path}.{first}", map[first], "must be greater than 0 (a beta shape)");
            return null;
        }

        var (q, integer) = ReadWandbQ(map, path);
        return a is null || b is null || (map.ContainsKey("q") && q is null) ? null
            : new PriorDistribution(kind, a.Value, b.Value, HasQ(map) ? q ?? 1.0 : null, integer);
    }

    private static bool HasQ(DocMapping map) => map["distribution"] is DocScalar { Text: var d } && d.StartsWith("q_", StringComparison.Ordinal);

    private (double? Q, bool Integer) ReadWandbQ(DocMapping map, string path)
    {
        if (map["q"] is not { } qNode)
        {
            // W&B's default q is 1.0, a float: values come out as floats (3.0).
            return (1.0, false);
        }

        var q = ReadNumber(qNode, $"{path}.q", 0, double.MaxValue, minExclusive: true);
        return (q, qNode is DocScalar { IsIntegerLiteral: true });
    }

    private ParameterDistribution? WandbRange(DocMapping map, string path, string distribution)
    {
        var minNode = Required(map, path, "min");
        var maxNode = Required(map, path, "max");
        if (minNode is null || maxNode is null)
        {
            return null;
        }

        var low = ReadNumber(minNode, $"{path}.min", double.MinValue, double.MaxValue);
        var high = ReadNumber(maxNode, $"{path}.max", double.MinValue, double.MaxValue);
        if (low is not { } lo || high is not { } hi)
        {
            return null;
        }

        if (lo >= hi)
        {
            Error($"{path}.max", maxNode, $"must be greater than min ({Format(lo)})");
            return null;
        }

        var integers = minNode is DocScalar { IsIntegerLiteral: true } && maxNode is DocScalar { IsIntegerLiteral: true };
        var valuesDistribution = distribution.EndsWith("_values", StringComparison.Ordinal) || distribution == "int_log_uniform";
        if (valuesDistribution && lo <= 0)
        {
            Error($"{path}.min", minNode, $"{distribution} takes the values themselves and needs min > 0");
            return null;
        }

        if (distribution is "log_uniform" or "q_log_uniform" or "inv_log_uniform" && (lo < -700 || hi > 700))
        {
            Error(lo < -700 ? $"{path}.min" : $"{path}.max", lo < -700 ? minNode : maxNode,
                $"{distribution}'s bounds are natural-log exponents (as in W&B), and e^{Format(lo < -700 ? lo : hi)} is beyond a double; for the values themselves use {distribution}_values");
            return null;
        }

        var (q, integerQ) = ReadWandbQ(map, path);
        if (map.ContainsKey("q") && q is null)
        {
            return null;
        }

        switch (distribution)
        {
            case "int_uniform":
                if (!integers)
                {
                    Error(minNode is DocScalar { IsIntegerLiteral: true } ? $"{path}.max" : $"{path}.min", minNode is DocScalar { IsIntegerLiteral: true } ? maxNode : minNode, "int_uniform needs integer min and max");
                    return null;
                }

                return new IntDistribution((long)lo, (long)hi);
            case "uniform":
                return new FloatDistribution(lo, hi);
            case "q_uniform":
                var step = q!.Value;
                // W&B rounds to multiples of q: where min is one, those are min + k·q, the grid-compatible stepped range.
                var k = lo / step;
                if (Math.Abs(k - Math.Round(k)) < 1e-9 && Math.Abs((hi - lo) / step - Math.Round((hi - lo) / step)) < 1e-9)
                {
                    return integerQ && integers ? new IntDistribution((long)lo, (long)hi, step: (long)step) : new FloatDistribution(lo, hi, step: step);
                }

                return new PriorDistribution(PriorKind.Uniform, lo, hi, step, integerQ);
            case "log_uniform":
                return new FloatDistribution(Math.Exp(lo), Math.Exp(hi), log: true);
            case "log_uniform_values" or "inv_log_uniform_values":
                // inv_log_uniform_values draws exp(−U(ln 1/max, ln 1/min)): log-uniform over [min, max] again.
                return new FloatDistribution(lo, hi, log: true);
            case "inv_log_uniform":
                // exp(−U(min, max)): log-uniform over [e^−max, e^−min].
                return new FloatDistribution(Math.Exp(-hi), Math.Exp(-lo), log: true);
            case "q_log_uniform":
                return new PriorDistribution(PriorKind.LogUniform, lo, hi, q, integerQ);
            case "q_log_uniform_values":
                return new PriorDistribution(PriorKind.LogUniform, Math.Log(lo), Math.Log(hi), q, integerQ);
            case "int_log_uniform":
                if (!integers)
                {
                    Error($"{path}.min", minNode, "int_log_uniform needs integer bounds");
                    return null;
                }

                return new IntDistribution((long)lo, (long)hi, log: true);
            default:
                Error($"{path}.distribution", map["distribution"], $"'{distribution}' is not a range distribution");
                return null;
        }
    }
}
