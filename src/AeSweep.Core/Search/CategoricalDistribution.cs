using System.Collections.Immutable;

namespace AeSweep.Core.Search;

/// <summary>A choice among listed values (W&amp;B's <c>values:</c>).</summary>
public sealed record CategoricalDistribution : ParameterDistribution
{
    /// <summary>Creates a categorical distribution over <paramref name="choices"/>.</summary>
    public CategoricalDistribution(ImmutableArray<ParameterValue> choices) => Choices = choices;

    /// <summary>The allowed values, in the order the sweep file lists them.</summary>
    public ImmutableArray<ParameterValue> Choices { get; }

    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override (double Min, double Max)? NumericRange =>
        Choices.All(c => c.IsNumeric) && Choices.Length > 0 ? (Choices.Min(c => c.AsDouble()), Choices.Max(c => c.AsDouble())) : null;

    /// <summary>Index of <paramref name="value"/> among the choices, or -1.</summary>
    public int IndexOf(ParameterValue value) => Choices.IndexOf(value);

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) => Choices.Contains(value);

    /// <inheritdoc />
    public override ParameterValue Sample(Random random) => Choices[random.Next(Choices.Length)];

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> EnumerateValues() => Choices;

    /// <inheritdoc />
    public bool Equals(CategoricalDistribution? other) => other is not null && Choices.SequenceEqual(other.Choices);

    /// <inheritdoc />
    public override int GetHashCode() => Choices.Aggregate(17, (h, c) => HashCode.Combine(h, c));
}
