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
}
