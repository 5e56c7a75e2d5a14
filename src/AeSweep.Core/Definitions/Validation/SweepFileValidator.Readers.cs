using System.Globalization;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>Typed reads of scalar fields, each reporting its own error.</summary>
internal sealed partial class SweepFileValidator
{
    private void Error(string path, DocNode? at, string message) =>
        errors.Add(new ValidationError(string.IsNullOrEmpty(path) ? ValidationError.FilePath : path, at?.Line is > 0 ? at.Line : null, message));

    private static string Join(string path, string key) => string.IsNullOrEmpty(path) ? key : $"{path}.{key}";

    private void CheckKeys(DocMapping map, string path, IReadOnlyCollection<string> allowed, IReadOnlyDictionary<string, string>? hints = null)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (allowed.Contains(key.Text))
            {
                continue;
            }

            var keyPath = Join(path, key.Text);
            if (hints is not null && hints.TryGetValue(key.Text, out var hint))
            {
                Error(keyPath, key, $"unknown key; {hint}");
            }
            else
            {
                Error(keyPath, key, NameSuggestions.WithSuggestion($"unknown key (allowed here: {string.Join(", ", allowed)})", key.Text, allowed));
            }
        }
    }

    private bool ExpectMapping(DocNode node, string path, string shape, out DocMapping map)
    {
        if (node is DocMapping m)
        {
            map = m;
            return true;
        }

        Error(path, node, $"must be a mapping {shape}, not {node.KindName}");
        map = null!;
        return false;
    }

    private string? ReadString(DocNode node, string path)
    {
        if (node is DocScalar scalar && !scalar.IsNull)
        {
            return scalar.Text;
        }

        Error(path, node, $"must be a string, not {node.KindName}");
        return null;
    }

    private long? ReadInteger(DocNode node, string path, long min, long max)
    {
        if (node is not DocScalar scalar || !scalar.TryGetDouble(out var number) || number != Math.Floor(number))
        {
            Error(path, node, $"must be an integer{Bounds(min, max)}, not {Describe(node)}");
            return null;
        }

        if (number < min || number > max)
        {
            Error(path, node, $"must be an integer{Bounds(min, max)}, not {scalar.Text}");
            return null;
        }

        return (long)number;
    }

    private double? ReadNumber(DocNode node, string path, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        if (node is not DocScalar scalar || !scalar.TryGetDouble(out var number))
        {
            Error(path, node, $"must be a number, not {Describe(node)}");
            return null;
        }

        if (number < min || (minExclusive && number == min) || number > max || (maxExclusive && number == max))
        {
            var lower = minExclusive ? $"> {Format(min)}" : $"≥ {Format(min)}";
            var upper = maxExclusive ? $"< {Format(max)}" : $"≤ {Format(max)}";
            Error(path, node, $"must be a number {lower} and {upper}, not {scalar.Text}");
            return null;
        }

        return number;
    }

    private bool? ReadBoolean(DocNode node, string path)
    {
        if (node is DocScalar scalar && scalar.IsBoolean(out var value))
        {
            return value;
        }

        Error(path, node, $"must be true or false, not {Describe(node)}");
        return null;
    }

    /// <summary>A scalar as a parameter value: quoted → string; plain → integer, float, boolean or string.</summary>
    private ParameterValue? ReadValue(DocNode node, string path)
    {
        if (node is not DocScalar scalar)
        {
            Error(path, node, $"must be a single value (number, string or boolean), not {node.KindName}");
            return null;
        }

        if (scalar.IsNull)
        {
            Error(path, node, "must be a value, not null");
            return null;
        }

        if (scalar.IsBoolean(out var b))
        {
            return ParameterValue.Of(b);
        }

        if (scalar.TryGetLong(out var l))
        {
            return ParameterValue.Of(l);
        }

        if (scalar.TryGetDouble(out var d))
        {
            return ParameterValue.Of(d);
        }

        if (!scalar.Quoted && scalar.Text.ToLowerInvariant() is ".nan" or ".inf" or "-.inf" or "+.inf" or "nan" or "inf" or "infinity")
        {
            Error(path, node, "must be a finite number");
            return null;
        }

        return ParameterValue.Of(scalar.Text);
    }

    private static string Describe(DocNode node) => node is DocScalar { IsNull: false } s ? $"'{Truncate(s.Text)}'" : node.KindName;

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Bounds(long min, long max) =>
        max == long.MaxValue ? $" ≥ {min}" : $" from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}";

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
