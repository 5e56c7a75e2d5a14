using System.Collections.Immutable;
using NCalc;

namespace AeSweep.Core.Search.Constraints;

/// <summary>
/// One rule of a sweep file's <c>constraints:</c>, e.g. <c>depth * width &lt;= 1024</c>: an NCalc expression over
/// parameter names that must be true for a configuration to be run.
/// </summary>
/// <remarks>
/// A rule that names a parameter absent from a configuration (a conditional parameter whose condition does not hold)
/// is not applied to it: <c>width_3 &lt;= width_2</c> constrains only the configurations that have a third layer.
/// A rule that cannot be evaluated for a configuration (a string compared with a number, an unknown function) counts
/// as violated: a configuration is only run when every applicable rule says true.
/// </remarks>
public sealed class SweepConstraint
{
    private SweepConstraint(string text, ImmutableArray<string> parameterNames)
    {
        Text = text;
        ParameterNames = parameterNames;
    }

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    /// <summary>The parameter names the rule reads, in order of first appearance.</summary>
    public ImmutableArray<string> ParameterNames { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> set when it is not an expression.</summary>
    public static SweepConstraint? TryParse(string text, out string? error)
    {
        var expression = new Expression(text);
        if (expression.HasErrors())
        {
            error = $"'{text}' is not an expression: {expression.Error?.Message ?? "syntax error"}";
            return null;
        }

        List<string> names;
        try
        {
            names = expression.GetParameterNames();
        }
        catch (Exception ex) when (ex is NCalc.Exceptions.NCalcException or InvalidOperationException or FormatException)
        {
            error = $"'{text}' is not an expression: {ex.Message}";
            return null;
        }

        error = null;
        return new SweepConstraint(text, [.. names.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Whether <paramref name="configuration"/> satisfies the rule: true or false, or null when the rule does not apply
    /// (it names a parameter the configuration lacks).
    /// </summary>
    public bool? IsSatisfiedBy(IReadOnlyDictionary<string, ParameterValue> configuration) =>
        Evaluate(configuration, out _) switch
        {
            RuleOutcome.NotApplicable => null,
            RuleOutcome.True => true,
            _ => false,
        };

    /// <summary>Evaluates the rule; <paramref name="problem"/> says why when the outcome is neither true nor false.</summary>
    internal RuleOutcome Evaluate(IReadOnlyDictionary<string, ParameterValue> configuration, out string? problem)
    {
        problem = null;
        // A new expression per evaluation: NCalc's expression holds its parameters, and one sweep's constraints may be
        // checked from several threads (the coordinator, the REST enqueue). Parsing is cached by NCalc.
        var expression = new Expression(Text);
        foreach (var name in ParameterNames)
        {
            if (!configuration.TryGetValue(name, out var value))
            {
                return RuleOutcome.NotApplicable;
            }

            expression.Parameters[name] = value.ToObject();
        }

        object? result;
        try
        {
            result = expression.Evaluate();
        }
        catch (Exception ex) when (ex is NCalc.Exceptions.NCalcException or InvalidOperationException or InvalidCastException
            or FormatException or ArgumentException or OverflowException or DivideByZeroException or NotSupportedException)
        {
            problem = ex.Message;
            return RuleOutcome.Error;
        }

        switch (result)
        {
            case bool b:
                return b ? RuleOutcome.True : RuleOutcome.False;
            default:
                problem = $"it gives {Describe(result)}, not true or false; compare it, e.g. {Text} <= 1024";
                return RuleOutcome.NotBoolean;
        }
    }

    private static string Describe(object? result) => result switch
    {
        null => "nothing",
        string s => $"the text '{s}'",
        _ => $"the {(result is double or float or decimal ? "number" : result is long or int ? "number" : result.GetType().Name)} {Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture)}",
    };

    /// <inheritdoc />
    public override string ToString() => Text;
}
