using AeSweep.Core.Definitions;

namespace AeSweep.Cluster.Abstractions;

/// <summary>Orleans wire form of <see cref="SequenceSpec"/>.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.sequence-spec")]
public sealed record SequenceSpecSurrogate(
    [property: Id(0)] int Length, [property: Id(1)] int Channels, [property: Id(2)] int Stride, [property: Id(3)] double AnomalyShare, [property: Id(4)] string[] Columns)
{
    public static SequenceSpecSurrogate? From(SequenceSpec? spec) =>
        spec is null ? null : new(spec.Length, spec.Channels, spec.Stride, spec.AnomalyShare, [.. spec.Columns]);

    public SequenceSpec ToSpec() => new(Length, Channels, Stride, AnomalyShare, Columns);
}
