namespace AeSweep.Core.Catalog;

/// <summary>
/// The names under which built-in training reports metrics (the sweep file's <c>metric.name</c> picks one of the
/// validation ones). A reconstruction metric is a split prefix plus a measure: <c>val_</c> + <c>psnr</c>.
/// </summary>
public static class MetricNames
{
    /// <summary>Prefix of metrics measured on the validation split.</summary>
    public const string ValidationPrefix = "val_";

    /// <summary>Prefix of metrics measured on the test split (final only).</summary>
    public const string TestPrefix = "test_";

    /// <summary>Mean squared error.</summary>
    public const string Mse = "mse";

    /// <summary>Mean absolute error.</summary>
    public const string L1 = "l1";

    /// <summary>Binary cross-entropy (data in [0, 1] only).</summary>
    public const string Bce = "bce";

    /// <summary>Peak signal-to-noise ratio (images in [0, 1] only).</summary>
    public const string Psnr = "psnr";

    /// <summary>Structural similarity (images in [0, 1] only).</summary>
    public const string Ssim = "ssim";

    /// <summary><c>val_mse</c>.</summary>
    public const string ValidationMse = ValidationPrefix + Mse;

    /// <summary><c>val_l1</c>.</summary>
    public const string ValidationL1 = ValidationPrefix + L1;

    /// <summary><c>val_bce</c>.</summary>
    public const string ValidationBce = ValidationPrefix + Bce;

    /// <summary><c>val_psnr</c>.</summary>
    public const string ValidationPsnr = ValidationPrefix + Psnr;

    /// <summary><c>val_ssim</c>.</summary>
    public const string ValidationSsim = ValidationPrefix + Ssim;

    /// <summary><c>test_mse</c>.</summary>
    public const string TestMse = TestPrefix + Mse;

    /// <summary><c>test_l1</c>.</summary>
    public const string TestL1 = TestPrefix + L1;

    /// <summary><c>test_bce</c>.</summary>
    public const string TestBce = TestPrefix + Bce;

    /// <summary><c>test_psnr</c>.</summary>
    public const string TestPsnr = TestPrefix + Psnr;

    /// <summary><c>test_ssim</c>.</summary>
    public const string TestSsim = TestPrefix + Ssim;

    /// <summary>The validation MSE of a PCA with as many components as the trial's code size (the baseline).</summary>
    public const string PcaValidationMse = "pca_val_mse";

    // Evaluation suite: denoising quality and representation quality (issue 14), measured once on the final model.

    /// <summary>PSNR of the reconstruction of a corrupted input against the clean image (denoising).</summary>
    public const string DenoisePsnr = "denoise_psnr";

    /// <summary>SSIM of the reconstruction of a corrupted input against the clean image (denoising).</summary>
    public const string DenoiseSsim = "denoise_ssim";

    /// <summary>k-nearest-neighbour classification accuracy on the codes.</summary>
    public const string KnnAccuracy = "knn_accuracy";

    /// <summary>Accuracy of a multinomial logistic regression trained on the frozen codes.</summary>
    public const string LinearProbeAccuracy = "linear_probe_accuracy";

    /// <summary><c>val_denoise_psnr</c>.</summary>
    public const string ValidationDenoisePsnr = ValidationPrefix + DenoisePsnr;

    /// <summary><c>val_denoise_ssim</c>.</summary>
    public const string ValidationDenoiseSsim = ValidationPrefix + DenoiseSsim;

    /// <summary><c>val_knn_accuracy</c>.</summary>
    public const string ValidationKnnAccuracy = ValidationPrefix + KnnAccuracy;

    /// <summary><c>val_linear_probe_accuracy</c>.</summary>
    public const string ValidationLinearProbeAccuracy = ValidationPrefix + LinearProbeAccuracy;

    /// <summary>The same k-NN accuracy on the codes of a PCA with as many components as the trial's code size.</summary>
    public const string PcaValidationKnnAccuracy = "pca_" + ValidationKnnAccuracy;

    /// <summary>The same linear-probe accuracy on the codes of a PCA with as many components as the trial's code size.</summary>
    public const string PcaValidationLinearProbeAccuracy = "pca_" + ValidationLinearProbeAccuracy;

    /// <summary>Mean training objective of an epoch (loss plus penalties).</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>Epochs a trial ran.</summary>
    public const string Epochs = "epochs";

    /// <summary>Wall-clock seconds of one epoch.</summary>
    public const string EpochSeconds = "epoch_seconds";

    // Anomaly detection (dataset.anomaly_classes): how well the reconstruction error ranks held-out classes above the rest.

    /// <summary>Area under the ROC curve of the anomaly score.</summary>
    public const string Auroc = "auroc";

    /// <summary>Average precision (area under the precision–recall curve) of the anomaly score.</summary>
    public const string Auprc = "auprc";

    /// <summary><c>val_auroc</c>.</summary>
    public const string ValidationAuroc = ValidationPrefix + Auroc;

    /// <summary><c>val_auprc</c>.</summary>
    public const string ValidationAuprc = ValidationPrefix + Auprc;

    /// <summary><c>test_auroc</c>.</summary>
    public const string TestAuroc = TestPrefix + Auroc;

    /// <summary><c>test_auprc</c>.</summary>
    public const string TestAuprc = TestPrefix + Auprc;
    // Objectives of multi-objective sweeps (metrics:) besides the computed metrics: what a model costs.

    /// <summary>The model's trainable parameter count, reported as a final metric.</summary>
    public const string ParameterCount = "parameter_count";

    /// <summary>Wall-clock seconds of the trial's training epochs, reported as a final metric.</summary>
    public const string TrainSeconds = "train_seconds";

    /// <summary>Every validation metric name that may appear in an epoch report, in the order tables show them.</summary>
    public static IReadOnlyList<string> Validation { get; } = [ValidationMse, ValidationL1, ValidationBce, ValidationPsnr, ValidationSsim];
}
