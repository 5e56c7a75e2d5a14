using AeSweep.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AeSweep.Cluster.Tests;

/// <summary>A sequence dataset's window, stride, channels, anomaly share and columns cross grains intact.</summary>
public sealed class SequenceSpecSerializationTests
{
    public static TheoryData<DatasetSpec> Specs() => new()
    {
        new DatasetSpec(DatasetSourceKind.SyntheticSequences, Name: "synthetic-sequences", Limit: 500, Normalize: "none", Sequence: new SequenceSpec(48, 3, 0, 0.25, [])),
        new DatasetSpec(DatasetSourceKind.CsvSequences, CsvPath: "/data/s.csv", ValidationSplit: 0.3, Sequence: new SequenceSpec(32, 2, 8, 0, ["pressure", "temperature"])),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_sequence_spec_round_trips_through_the_orleans_serializer(DatasetSpec spec)
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<DatasetSpec>(serializer.SerializeToArray(spec));

        Assert.Equal(spec, copy); // SequenceSpec compares its columns element by element
    }
}
