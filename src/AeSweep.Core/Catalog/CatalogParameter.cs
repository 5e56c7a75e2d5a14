using System.Collections.Immutable;
using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Core.Catalog;

/// <summary>A parameter AeSweep's built-in training understands: its values, default and the families that use it.</summary>
/// <param name="Name">Its name in the sweep file.</param>
/// <param name="Kind">Integer, number or choice.</param>
/// <param name="Default">The value training uses when a sweep leaves the parameter out.</param>
/// <param name="Min">Smallest allowed value (numeric parameters).</param>
/// <param name="Max">Largest allowed value (numeric parameters).</param>
/// <param name="MinExclusive">True when <see cref="Min"/> itself is not allowed.</param>
/// <param name="Choices">For choice parameters: the allowed names, in the order messages list them.</param>
/// <param name="Families">The model families whose training reads it.</param>
/// <param name="Description">What it controls, in one line.</param>
public sealed record CatalogParameter(
    string Name,
    ParameterKind Kind,
    ParameterValue Default,
    double Min,
    double Max,
    bool MinExclusive,
    ImmutableArray<string>? Choices,
    ImmutableArray<ModelFamily> Families,
    string Description)
{
    /// <summary>True when values must be whole numbers.</summary>
    public bool IsInteger => Kind == ParameterKind.Integer;

    /// <summary>True for string-valued parameters such as <c>loss</c>.</summary>
    public bool IsCategorical => Kind == ParameterKind.Choice;

    /// <summary>The default of an integer parameter.</summary>
    public int DefaultInteger => checked((int)Default.AsLong());

    /// <summary>The default of a numeric parameter.</summary>
    public double DefaultNumber => Default.AsDouble();

    /// <summary>The default of a choice parameter.</summary>
    public string DefaultChoice => Default.AsString();

    /// <summary>Whether training of <paramref name="family"/> reads this parameter.</summary>
    public bool AppliesTo(ModelFamily family) => Families.Contains(family);

    /// <summary>Describes the accepted values, e.g. "an integer ≥ 1 and ≤ 16" or "one of mse, l1, bce".</summary>
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

    /// <inheritdoc />
    public bool Equals(CatalogParameter? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Default.Equals(other.Default) && Min.Equals(other.Min) && Max.Equals(other.Max) &&
        MinExclusive == other.MinExclusive && Families.SequenceEqual(other.Families) && Description == other.Description &&
        (Choices is null ? other.Choices is null : other.Choices is not null && Choices.Value.SequenceEqual(other.Choices.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Default);

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
