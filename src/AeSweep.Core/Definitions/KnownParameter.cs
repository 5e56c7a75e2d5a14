using System.Collections.Immutable;

namespace AeSweep.Core.Definitions;

/// <summary>A hyperparameter that AeSweep's built-in training understands, with the values it accepts.</summary>
/// <param name="Name">Its name in the sweep file.</param>
/// <param name="IsInteger">True when values must be whole numbers.</param>
/// <param name="Choices">For string parameters: the allowed values (null for numeric ones).</param>
/// <param name="Min">Smallest allowed value (numeric parameters).</param>
/// <param name="Max">Largest allowed value (numeric parameters).</param>
/// <param name="MinExclusive">True when <see cref="Min"/> itself is not allowed.</param>
/// <param name="Description">What it controls, for error messages and docs.</param>
public sealed record KnownParameter(
    string Name,
    bool IsInteger,
    ImmutableArray<string>? Choices,
    double Min,
    double Max,
    bool MinExclusive,
    string Description)
{
    /// <summary>True for string-valued parameters such as <c>loss</c>.</summary>
    public bool IsCategorical => Choices is not null;

    /// <summary>Describes the accepted values, e.g. "an integer ≥ 1" or "one of mse, l1, bce".</summary>
    public string DescribeAccepted()
    {
        if (Choices is { } choices)
        {
            return "one of " + string.Join(", ", choices);
        }

        var kind = IsInteger ? "an integer" : "a number";
        var lower = MinExclusive ? $"> {Format(Min)}" : $"≥ {Format(Min)}";
        return double.IsPositiveInfinity(Max) ? $"{kind} {lower}" : $"{kind} {lower} and ≤ {Format(Max)}";
    }

    private static string Format(double v) => v.ToString("G", System.Globalization.CultureInfo.InvariantCulture);
}
