namespace AeSweep.Core.Catalog;

/// <summary>What a sweep needs for built-in training to report a metric; the validator refuses to rank by it otherwise.</summary>
public enum MetricRequirement
{
    /// <summary>Every built-in sweep reports it.</summary>
    None,

    /// <summary>Only trials of the <c>denoising</c> family (trained on corrupted inputs) report it.</summary>
    DenoisingFamily,

    /// <summary>Only datasets with class labels (Fashion-MNIST, synthetic, IDX with labels, CSV with a label column) report it.</summary>
    Labels,
}
