using AeSweep.Core.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace AeSweep.Cluster.Tests;

/// <summary>The dataset spec crosses grains and processes through its surrogate with every field intact.</summary>
public sealed class DatasetSpecSerializationTests
{
    [Fact]
    public void A_csv_spec_with_a_label_column_and_anomaly_classes_round_trips_through_the_orleans_serializer()
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var spec = new DatasetSpec(DatasetSourceKind.Csv, CsvPath: "/data/t.csv", Limit: 300, ValidationSplit: 0.25, Normalize: "standard", LabelColumn: "species",
            AnomalyClasses: new ClassLabels([3, 1]));

        var copy = serializer.Deserialize<DatasetSpec>(serializer.SerializeToArray(spec));

        Assert.Equal(spec, copy);
        Assert.Equal([3, 1], copy!.AnomalyClasses!);
    }
}
