using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions.Wandb;

/// <summary>
/// W&amp;B's <c>command:</c> template and its macros (wandb's agent, <c>_create_sweep_command_args</c>): the fixed ones are
/// resolved once when the file is read (<see cref="Resolve"/>), the parameter ones per trial (<see cref="Expand"/>).
/// Values are written as Python's <c>str()</c> writes them (<c>True</c>, <c>0.001</c>, <c>1e-05</c>, a nested block as a
/// dict), because that is what W&amp;B's agent passes and what scripts written for it parse.
/// </summary>
public static class WandbCommand
{
    /// <summary>W&amp;B's command when a file has none.</summary>
    public static ImmutableArray<string> DefaultTemplate { get; } = ["${env}", "${interpreter}", "${program}", "${args}"];

    /// <summary>The interpreter <c>${interpreter}</c> stands for (W&amp;B: <c>python</c>; Debian and most Linux systems name it python3).</summary>
    public const string Interpreter = "python3";

    /// <summary>The macros that expand to the trial's parameters; each must be a list item of its own.</summary>
    public static ImmutableArray<string> ParameterMacros { get; } =
        ["${args}", "${args_no_boolean_flags}", "${args_no_hyphens}", "${args_json}", "${args_json_file}"];

    /// <summary>The fixed macros, resolved when the file is read.</summary>
    public static ImmutableArray<string> FixedMacros { get; } = ["${env}", "${interpreter}", "${program}"];

    private const string EnvVarPrefix = "${envvar:";

    /// <summary>
    /// The template with <c>${env}</c> dropped (W&amp;B puts <c>/usr/bin/env</c> there, which only looks the interpreter up on
    /// PATH, as AeSweep does itself), <c>${interpreter}</c> and <c>${program}</c> replaced; parameter and
    /// <c>${envvar:NAME}</c> macros stay for <see cref="Expand"/>.
    /// </summary>
    public static ImmutableArray<string> Resolve(IEnumerable<string> template, string? program) =>
    [
        .. template.Where(part => part != "${env}")
            .Select(part => part.Replace("${interpreter}", Interpreter, StringComparison.Ordinal)
                .Replace("${program}", program ?? string.Empty, StringComparison.Ordinal)),
    ];

    /// <summary>Why <paramref name="part"/> is not a usable command item, or null.</summary>
    public static string? Problem(string part, bool hasProgram)
    {
        if (part.Contains("${program}", StringComparison.Ordinal) && !hasProgram)
        {
            return "uses ${program}, but the file names no program";
        }

        var rest = part;
        foreach (var known in FixedMacros.Concat(ParameterMacros))
        {
            if (known is not ("${env}" or "${interpreter}" or "${program}") && part.Contains(known, StringComparison.Ordinal) && part != known)
            {
                return $"{known} must be a list item of its own (W&B replaces whole items)";
            }

            rest = rest.Replace(known, string.Empty, StringComparison.Ordinal);
        }

        var start = rest.IndexOf("${", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = rest.IndexOf('}', start);
            var macro = end < 0 ? rest[start..] : rest[start..(end + 1)];
            if (!macro.StartsWith(EnvVarPrefix, StringComparison.Ordinal) || macro.Length <= EnvVarPrefix.Length + 1 || end < 0)
            {
                return $"'{macro}' is not a W&B command macro ({string.Join(", ", FixedMacros.Concat(ParameterMacros))}, ${{envvar:NAME}})";
            }

            start = rest.IndexOf("${", end, StringComparison.Ordinal);
        }

        return null;
    }

    /// <summary>
    /// The arguments of one trial: <paramref name="arguments"/> (the resolved command without its executable) with the
    /// parameter macros expanded, <c>${envvar:NAME}</c> read from <paramref name="environment"/>.
    /// </summary>
    public static IReadOnlyList<string> Expand(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, ParameterValue> parameters,
        IReadOnlyCollection<string> nested,
        string argsJsonFile,
        Func<string, string?> environment)
    {
        var config = Nest(parameters, nested);
        var result = new List<string>();
        foreach (var part in arguments)
        {
            switch (part)
            {
                case "${args}":
                    result.AddRange(config.Select(p => $"--{p.Key}={PythonText(p.Value)}"));
                    break;
                case "${args_no_hyphens}":
                    result.AddRange(config.Select(p => $"{p.Key}={PythonText(p.Value)}"));
                    break;
                case "${args_no_boolean_flags}":
                    foreach (var (key, value) in config)
                    {
                        if (value is not ParameterValue { Kind: ParameterValueKind.Boolean } flag)
                        {
                            result.Add($"--{key}={PythonText(value)}");
                        }
                        else if (flag.AsBoolean())
                        {
                            result.Add($"--{key}");
                        }
                    }

                    break;
                case "${args_json}":
                    result.Add(NestedJson(parameters, nested));
                    break;
                case "${args_json_file}":
                    result.Add(argsJsonFile);
                    break;
                default:
                    result.Add(ExpandEnvironment(part, environment));
                    break;
            }
        }

        return result;
    }

    /// <summary>The parameters as one JSON object, nested blocks nested again (<c>${args_json}</c>, <c>wandb.config</c>).</summary>
    public static string NestedJson(IReadOnlyDictionary<string, ParameterValue> parameters, IReadOnlyCollection<string> nested)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteObject(json, Nest(parameters, nested));
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The top-level configuration: a parameter from a nested block (<c>optimizer.lr</c>) goes under its outer names; the
    /// values are <see cref="ParameterValue"/>s or sorted dictionaries of them.
    /// </summary>
    public static SortedDictionary<string, object> Nest(IReadOnlyDictionary<string, ParameterValue> parameters, IReadOnlyCollection<string> nested)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!nested.Contains(name))
            {
                root[name] = value;
                continue;
            }

            var parts = name.Split('.');
            var level = root;
            foreach (var part in parts[..^1])
            {
                if (!level.TryGetValue(part, out var child) || child is not SortedDictionary<string, object> inner)
                {
                    inner = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    level[part] = inner;
                }

                level = inner;
            }

            level[parts[^1]] = value;
        }

        return root;
    }

    /// <summary>A value as Python's <c>str()</c> writes it; a nested block as Python writes a dict.</summary>
    public static string PythonText(object value) => value switch
    {
        ParameterValue { Kind: ParameterValueKind.String } s => s.AsString(),
        ParameterValue v => PythonRepr(v),
        SortedDictionary<string, object> block => "{" + string.Join(", ", block.Select(p => $"'{p.Key}': {PythonRepr(p.Value)}")) + "}",
        _ => value.ToString() ?? string.Empty,
    };

    private static string PythonRepr(object value) => value switch
    {
        ParameterValue { Kind: ParameterValueKind.Boolean } b => b.AsBoolean() ? "True" : "False",
        ParameterValue { Kind: ParameterValueKind.Integer } i => i.AsLong().ToString(CultureInfo.InvariantCulture),
        ParameterValue { Kind: ParameterValueKind.Float } f => PythonFloat(f.AsDouble()),
        ParameterValue s => "'" + s.AsString().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        _ => PythonText(value),
    };

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, <c>.0</c> on whole numbers, exponents as <c>1e-05</c>.</summary>
    public static string PythonFloat(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        if (x == Math.Floor(x) && Math.Abs(x) < 1e16)
        {
            return x.ToString("F1", CultureInfo.InvariantCulture);
        }

        var text = x.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0 && Math.Abs(x) >= 1e16)
        {
            // .NET writes 15000000000000000 where Python writes 1.5e+16.
            var sign0 = x < 0 ? "-" : string.Empty;
            var digits0 = text.TrimStart('-');
            var fraction = digits0[1..].TrimEnd('0');
            return $"{sign0}{digits0[0]}{(fraction.Length > 0 ? "." + fraction : string.Empty)}e+{digits0.Length - 1:00}";
        }

        if (e < 0)
        {
            return text;
        }

        // .NET writes 1E-05 and 1.5E+16; Python 1e-05 and 1.5e+16 (at least two exponent digits).
        var mantissa = text[..e];
        var sign = text[e + 1] == '-' ? "-" : "+";
        var digits = text[(e + 1)..].TrimStart('+', '-').PadLeft(2, '0');
        return $"{mantissa}e{sign}{digits}";
    }

    private static string ExpandEnvironment(string part, Func<string, string?> environment)
    {
        var start = part.IndexOf(EnvVarPrefix, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = part.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            var name = part[(start + EnvVarPrefix.Length)..end];
            var value = environment(name) ?? string.Empty;
            part = part[..start] + value + part[(end + 1)..];
            start = part.IndexOf(EnvVarPrefix, start + value.Length, StringComparison.Ordinal);
        }

        return part;
    }

    private static void WriteObject(Utf8JsonWriter json, SortedDictionary<string, object> block)
    {
        json.WriteStartObject();
        foreach (var (key, value) in block)
        {
            if (value is SortedDictionary<string, object> inner)
            {
                json.WritePropertyName(key);
                WriteObject(json, inner);
            }
            else
            {
                ParameterJson.WriteProperty(json, key, (ParameterValue)value);
            }
        }

        json.WriteEndObject();
    }
}
