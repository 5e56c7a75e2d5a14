namespace AeSweep.Core.Definitions;

/// <summary>Where a dataset's samples come from.</summary>
public enum DatasetSourceKind
{
    /// <summary>A dataset AeSweep knows by name (e.g. <c>fashion-mnist</c>).</summary>
    BuiltIn,
    /// <summary>MNIST-format IDX files (gzip or raw).</summary>
    Idx,
    /// <summary>A numeric CSV file (tabular data).</summary>
    Csv,
    /// <summary>Generated data for tests and demos.</summary>
    Synthetic,
    /// <summary>Generated multichannel sequences (sums of sines with noise, optional injected anomalies): <c>synthetic-sequences</c>.</summary>
    SyntheticSequences,
    /// <summary>A multivariate time series CSV cut into windows: <c>{type: csv-sequences, ...}</c>.</summary>
    CsvSequences,
}
