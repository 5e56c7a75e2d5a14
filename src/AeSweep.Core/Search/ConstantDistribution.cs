namespace AeSweep.Core.Search;

/// <summary>A fixed value (W&amp;B's <c>value:</c>): part of every configuration, never searched.</summary>
public sealed record ConstantDistribution(ParameterValue Value) : ParameterDistribution
{
    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override (double Min, double Max)? NumericRange => Value.IsNumeric ? (Value.AsDouble(), Value.AsDouble()) : null;

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) => value.Equals(Value);

    /// <inheritdoc />
    public override ParameterValue Sample(Random random) => Value;

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> EnumerateValues() => [Value];
}
