using AeSweep.Core.Definitions;

namespace AeSweep.Cluster.Abstractions;

/// <summary>Orleans wire form of the domain's <see cref="DatasetSpec"/>, which stays free of Orleans attributes.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.dataset-spec")]
public readonly struct DatasetSpecSurrogate
{
    [Id(0)] public DatasetSourceKind Kind { get; init; }

    [Id(1)] public string? Name { get; init; }

    [Id(2)] public string? ImagesPath { get; init; }

    [Id(3)] public string? LabelsPath { get; init; }

    [Id(4)] public string? CsvPath { get; init; }

    [Id(5)] public int? Limit { get; init; }

    [Id(6)] public double ValidationSplit { get; init; }

    [Id(7)] public string? Normalize { get; init; }

    [Id(8)] public string? LabelColumn { get; init; }

    [Id(9)] public int[]? AnomalyClasses { get; init; }

    /// <summary>Sequence datasets: length (window), channels, stride, anomaly share and columns; null for the others.</summary>
    [Id(10)] public SequenceSpecSurrogate? Sequence { get; init; }
}

/// <summary>Converts <see cref="DatasetSpec"/> to and from its surrogate.</summary>
[RegisterConverter]
public sealed class DatasetSpecSurrogateConverter : IConverter<DatasetSpec, DatasetSpecSurrogate>
{
    public DatasetSpec ConvertFromSurrogate(in DatasetSpecSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Name, surrogate.ImagesPath, surrogate.LabelsPath, surrogate.CsvPath, surrogate.Limit, surrogate.ValidationSplit, surrogate.Normalize ?? "minmax", surrogate.LabelColumn,
            surrogate.AnomalyClasses is null ? null : new ClassLabels(surrogate.AnomalyClasses),
            surrogate.Sequence?.ToSpec());

    public DatasetSpecSurrogate ConvertToSurrogate(in DatasetSpec value) => new()
    {
        Kind = value.Kind,
        Name = value.Name,
        ImagesPath = value.ImagesPath,
        LabelsPath = value.LabelsPath,
        CsvPath = value.CsvPath,
        Limit = value.Limit,
        ValidationSplit = value.ValidationSplit,
        Normalize = value.Normalize,
        LabelColumn = value.LabelColumn,
        AnomalyClasses = value.AnomalyClasses?.ToArray(),
        Sequence = SequenceSpecSurrogate.From(value.Sequence),
    };
}
