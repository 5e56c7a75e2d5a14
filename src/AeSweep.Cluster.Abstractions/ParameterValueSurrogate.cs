using AeSweep.Core.Search;

namespace AeSweep.Cluster.Abstractions;

/// <summary>Orleans wire form of the domain's <see cref="ParameterValue"/>, which stays free of Orleans attributes.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.parameter-value")]
public readonly struct ParameterValueSurrogate
{
    [Id(0)] public ParameterValueKind Kind { get; init; }

    [Id(1)] public long Integer { get; init; }

    [Id(2)] public double Float { get; init; }

    [Id(3)] public string? Text { get; init; }
}

/// <summary>Converts <see cref="ParameterValue"/> to and from its surrogate.</summary>
[RegisterConverter]
public sealed class ParameterValueSurrogateConverter : IConverter<ParameterValue, ParameterValueSurrogate>
{
    public ParameterValue ConvertFromSurrogate(in ParameterValueSurrogate surrogate) => surrogate.Kind switch
    {
        ParameterValueKind.Integer => ParameterValue.Of(surrogate.Integer),
        ParameterValueKind.Float => ParameterValue.Of(surrogate.Float),
        ParameterValueKind.Boolean => ParameterValue.Of(surrogate.Integer != 0),
        _ => ParameterValue.Of(surrogate.Text ?? string.Empty),
    };

    public ParameterValueSurrogate ConvertToSurrogate(in ParameterValue value) => value.Kind switch
    {
        ParameterValueKind.Integer => new() { Kind = value.Kind, Integer = value.AsLong() },
        ParameterValueKind.Float => new() { Kind = value.Kind, Float = value.AsDouble() },
        ParameterValueKind.Boolean => new() { Kind = value.Kind, Integer = value.AsBoolean() ? 1 : 0 },
        _ => new() { Kind = value.Kind, Text = value.AsString() },
    };
}
