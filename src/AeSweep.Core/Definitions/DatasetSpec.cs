namespace AeSweep.Core.Definitions;

/// <summary>The sweep file's <c>dataset</c>: a built-in name or a typed source, plus size controls.</summary>
/// <param name="Kind">Where the samples come from.</param>
/// <param name="Name">The built-in name (for <see cref="DatasetSourceKind.BuiltIn"/>), e.g. <c>fashion-mnist</c>.</param>
/// <param name="ImagesPath">IDX images file.</param>
/// <param name="LabelsPath">IDX labels file (optional).</param>
/// <param name="CsvPath">CSV file.</param>
/// <param name="Limit">Use only the first N training samples.</param>
/// <param name="ValidationSplit">Share of training samples held out for validation, in (0, 1).</param>
/// <param name="Normalize">CSV normalization: <c>minmax</c> (to [0,1]), <c>standard</c> (zero mean, unit variance) or <c>none</c>.</param>
/// <param name="LabelColumn">
/// CSV only: the column that holds each row's integer class label, by header name or 0-based index (a header name
/// that matches wins over reading the text as an index). That column is a label, not a feature.
/// </param>
/// <param name="AnomalyClasses">
/// Classes held out as anomalies: trials train on the other classes only, validation and test keep every class, and
/// each sample's reconstruction error is its anomaly score (<c>val_auroc</c>, <c>val_auprc</c>, ...). Null: no anomaly detection.
/// </param>
/// <param name="Sequence">Window length, channels, stride, anomalies and columns of a sequence dataset; null for the others.</param>
public sealed record DatasetSpec(
    DatasetSourceKind Kind,
    string? Name = null,
    string? ImagesPath = null,
    string? LabelsPath = null,
    string? CsvPath = null,
    int? Limit = null,
    double ValidationSplit = 0.1,
    string Normalize = "minmax",
    string? LabelColumn = null,
    ClassLabels? AnomalyClasses = null,
    SequenceSpec? Sequence = null)
{
    /// <summary>Built-in datasets AeSweep resolves by name.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["fashion-mnist", "synthetic", "synthetic-sequences"];

    /// <summary>Whether every sample value lies in [0, 1], which binary cross-entropy needs.</summary>
    public bool ValuesInUnitInterval => Kind switch
    {
        DatasetSourceKind.Csv or DatasetSourceKind.CsvSequences => Normalize == "minmax",
        DatasetSourceKind.SyntheticSequences => false,
        _ => true,
    };

    /// <summary>Whether the samples carry class labels: Fashion-MNIST, synthetic data, IDX with a labels file, CSV with a label column.</summary>
    public bool HasLabels => Kind switch
    {
        DatasetSourceKind.BuiltIn or DatasetSourceKind.Synthetic or DatasetSourceKind.SyntheticSequences => true,
        DatasetSourceKind.Idx => LabelsPath is not null,
        DatasetSourceKind.Csv => LabelColumn is not null,
        _ => false,
    };

    /// <summary>Whether samples are images (so PSNR/SSIM, galleries and conv models apply).</summary>
    public bool IsImage => Kind is DatasetSourceKind.BuiltIn or DatasetSourceKind.Idx or DatasetSourceKind.Synthetic;

    /// <summary>Whether samples are sequences [T, C] (so the lstm family applies and image-only things do not).</summary>
    public bool IsSequence => Kind is DatasetSourceKind.SyntheticSequences or DatasetSourceKind.CsvSequences;

    /// <summary>A short description for logs and the dashboard.</summary>
    public string Describe() => Kind switch
    {
        DatasetSourceKind.BuiltIn => Name!,
        DatasetSourceKind.Idx => $"idx:{ImagesPath}",
        DatasetSourceKind.Csv => $"csv:{CsvPath}",
        DatasetSourceKind.SyntheticSequences => "synthetic-sequences",
        DatasetSourceKind.CsvSequences => $"csv-sequences:{CsvPath}",
        _ => "synthetic",
    };
}
