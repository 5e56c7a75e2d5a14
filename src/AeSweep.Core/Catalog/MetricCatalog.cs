using AeSweep.Core.Trials;
using static AeSweep.Core.Catalog.MetricTiming;

namespace AeSweep.Core.Catalog;

/// <summary>
/// Every metric built-in training reports, with its goal, unit and display: the one owner of these facts. The
/// validator takes the rankable metrics and their goals from it, training names what it reports after it, and the
/// dashboard formats values with it.
/// </summary>
public static class MetricCatalog
{
    /// <summary><c>val_mse</c>, the default ranking metric.</summary>
    public static CatalogMetric ValidationMse { get; } = new(MetricNames.ValidationMse, "validation MSE", MetricGoal.Minimize, null, null, PerEpoch, true, false);

    /// <summary><c>val_l1</c>.</summary>
    public static CatalogMetric ValidationL1 { get; } = new(MetricNames.ValidationL1, "validation L1", MetricGoal.Minimize, null, null, PerEpoch, true, false);

    /// <summary><c>val_bce</c>.</summary>
    public static CatalogMetric ValidationBce { get; } = new(MetricNames.ValidationBce, "validation BCE", MetricGoal.Minimize, null, null, PerEpoch, true, false);

    /// <summary><c>val_psnr</c>, in decibels.</summary>
    public static CatalogMetric ValidationPsnr { get; } = new(MetricNames.ValidationPsnr, "validation PSNR", MetricGoal.Maximize, "dB", "0.00", PerEpoch, true, true);

    /// <summary><c>val_ssim</c>, from 0 to 1.</summary>
    public static CatalogMetric ValidationSsim { get; } = new(MetricNames.ValidationSsim, "validation SSIM", MetricGoal.Maximize, null, "0.0000", PerEpoch, true, true);

    /// <summary><c>test_mse</c>.</summary>
    public static CatalogMetric TestMse { get; } = new(MetricNames.TestMse, "test MSE", MetricGoal.Minimize, null, null, FinalOnly, false, false);

    /// <summary><c>test_l1</c>.</summary>
    public static CatalogMetric TestL1 { get; } = new(MetricNames.TestL1, "test L1", MetricGoal.Minimize, null, null, FinalOnly, false, false);

    /// <summary><c>test_bce</c>.</summary>
    public static CatalogMetric TestBce { get; } = new(MetricNames.TestBce, "test BCE", MetricGoal.Minimize, null, null, FinalOnly, false, false);

    /// <summary><c>test_psnr</c>, in decibels.</summary>
    public static CatalogMetric TestPsnr { get; } = new(MetricNames.TestPsnr, "test PSNR", MetricGoal.Maximize, "dB", "0.00", FinalOnly, false, true);

    /// <summary><c>test_ssim</c>.</summary>
    public static CatalogMetric TestSsim { get; } = new(MetricNames.TestSsim, "test SSIM", MetricGoal.Maximize, null, "0.0000", FinalOnly, false, true);

    /// <summary><c>pca_val_mse</c>, the PCA baseline at the trial's code size.</summary>
    public static CatalogMetric PcaValidationMse { get; } = new(MetricNames.PcaValidationMse, "PCA validation MSE", MetricGoal.Minimize, null, null, FinalOnly, false, false);

    // Evaluation suite (issue 14): measured once, on the final model; each applies only where its requirement holds.

    /// <summary><c>val_denoise_psnr</c>: corrupted validation input → reconstruction, against the clean image, in decibels.</summary>
    public static CatalogMetric ValidationDenoisePsnr { get; } = new(MetricNames.ValidationDenoisePsnr, "validation denoising PSNR", MetricGoal.Maximize, "dB", "0.00", FinalOnly, true, true)
    {
        Requirement = MetricRequirement.DenoisingFamily,
    };

    /// <summary><c>val_denoise_ssim</c>: corrupted validation input → reconstruction, against the clean image.</summary>
    public static CatalogMetric ValidationDenoiseSsim { get; } = new(MetricNames.ValidationDenoiseSsim, "validation denoising SSIM", MetricGoal.Maximize, null, "0.0000", FinalOnly, true, true)
    {
        Requirement = MetricRequirement.DenoisingFamily,
    };

    /// <summary><c>val_knn_accuracy</c>: k-NN on the codes, training codes as the reference set.</summary>
    public static CatalogMetric ValidationKnnAccuracy { get; } = new(MetricNames.ValidationKnnAccuracy, "validation k-NN accuracy", MetricGoal.Maximize, null, "0.0000", FinalOnly, true, false)
    {
        Requirement = MetricRequirement.Labels,
    };

    /// <summary><c>val_linear_probe_accuracy</c>: logistic regression on the frozen, standardised codes.</summary>
    public static CatalogMetric ValidationLinearProbeAccuracy { get; } = new(MetricNames.ValidationLinearProbeAccuracy, "validation linear-probe accuracy", MetricGoal.Maximize, null, "0.0000", FinalOnly, true, false)
    {
        Requirement = MetricRequirement.Labels,
    };

    /// <summary><c>pca_val_knn_accuracy</c>, the PCA baseline's k-NN accuracy at the trial's code size.</summary>
    public static CatalogMetric PcaValidationKnnAccuracy { get; } = new(MetricNames.PcaValidationKnnAccuracy, "PCA validation k-NN accuracy", MetricGoal.Maximize, null, "0.0000", FinalOnly, false, false)
    {
        Requirement = MetricRequirement.Labels,
    };

    /// <summary><c>pca_val_linear_probe_accuracy</c>, the PCA baseline's linear-probe accuracy at the trial's code size.</summary>
    public static CatalogMetric PcaValidationLinearProbeAccuracy { get; } = new(MetricNames.PcaValidationLinearProbeAccuracy, "PCA validation linear-probe accuracy", MetricGoal.Maximize, null, "0.0000", FinalOnly, false, false)
    {
        Requirement = MetricRequirement.Labels,
    };

    /// <summary><c>train_loss</c>, the training objective (never used for ranking).</summary>
    public static CatalogMetric TrainLoss { get; } = new(MetricNames.TrainLoss, "training loss", MetricGoal.Minimize, null, null, PerEpoch, false, false);

    /// <summary><c>epochs</c>, the epochs a trial ran.</summary>
    public static CatalogMetric Epochs { get; } = new(MetricNames.Epochs, "epochs", null, null, "0", FinalOnly, false, false);

    /// <summary><c>epoch_seconds</c>, the wall-clock time of one epoch.</summary>
    public static CatalogMetric EpochSeconds { get; } = new(MetricNames.EpochSeconds, "epoch time", null, "s", "0.0", PerEpoch, false, false);

    // Anomaly detection: computed only when the dataset names anomaly_classes (CatalogMetric.NeedsAnomalyClasses).

    /// <summary><c>val_auroc</c>: each epoch when it is the sweep's metric, else on the final model.</summary>
    public static CatalogMetric ValidationAuroc { get; } = new(MetricNames.ValidationAuroc, "validation AUROC", MetricGoal.Maximize, null, "0.0000", PerEpoch, true, false) { NeedsAnomalyClasses = true };

    /// <summary><c>val_auprc</c> (average precision).</summary>
    public static CatalogMetric ValidationAuprc { get; } = new(MetricNames.ValidationAuprc, "validation AUPRC", MetricGoal.Maximize, null, "0.0000", PerEpoch, true, false) { NeedsAnomalyClasses = true };

    /// <summary><c>test_auroc</c>, on the final model; never ranks (selecting on it would leak the test set).</summary>
    public static CatalogMetric TestAuroc { get; } = new(MetricNames.TestAuroc, "test AUROC", MetricGoal.Maximize, null, "0.0000", FinalOnly, false, false) { NeedsAnomalyClasses = true };

    /// <summary><c>test_auprc</c>, on the final model.</summary>
    public static CatalogMetric TestAuprc { get; } = new(MetricNames.TestAuprc, "test AUPRC", MetricGoal.Maximize, null, "0.0000", FinalOnly, false, false) { NeedsAnomalyClasses = true };

    /// <summary><c>parameter_count</c>, the model's trainable parameters (an objective of multi-objective sweeps).</summary>
    public static CatalogMetric ParameterCount { get; } = new(MetricNames.ParameterCount, "trainable parameters", MetricGoal.Minimize, null, "0", FinalOnly, false, false);

    /// <summary><c>train_seconds</c>, the wall-clock time of the training epochs (an objective of multi-objective sweeps).</summary>
    public static CatalogMetric TrainSeconds { get; } = new(MetricNames.TrainSeconds, "training time", MetricGoal.Minimize, "s", "0.0", FinalOnly, false, false);

    /// <summary>Every built-in metric.</summary>
    public static IReadOnlyList<CatalogMetric> All { get; } =
    [
        ValidationMse, ValidationL1, ValidationBce, ValidationPsnr, ValidationSsim,
        TestMse, TestL1, TestBce, TestPsnr, TestSsim,
        PcaValidationMse, TrainLoss, Epochs, EpochSeconds,
        ValidationAuroc, ValidationAuprc, TestAuroc, TestAuprc,
        ParameterCount, TrainSeconds,
        ValidationDenoisePsnr, ValidationDenoiseSsim, ValidationKnnAccuracy, ValidationLinearProbeAccuracy,
        PcaValidationKnnAccuracy, PcaValidationLinearProbeAccuracy,
    ];

    /// <summary>The metrics a built-in sweep may rank by, in the order messages list them.</summary>
    public static IReadOnlyList<CatalogMetric> Rankable { get; } = [.. All.Where(m => m.Rankable)];

    private static readonly Dictionary<string, CatalogMetric> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>
    /// Whether a metric is a wall-clock time (<c>epoch_seconds</c>, <c>train_seconds</c>): it depends on the machine's load,
    /// so a resumed or fused trial reproduces every metric but these.
    /// </summary>
    public static bool IsWallClock(string name) => name is MetricNames.EpochSeconds or MetricNames.TrainSeconds;

    /// <summary>Looks a metric up by its reported name; null for a name built-in training does not report (a program's own).</summary>
    public static CatalogMetric? Find(string name) => ByName.GetValueOrDefault(name);
}
