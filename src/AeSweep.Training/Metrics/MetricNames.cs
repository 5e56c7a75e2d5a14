namespace AeSweep.Training.Metrics;

/// <summary>The names under which training reports metrics (the sweep file's <c>metric.name</c> picks one).</summary>
public static class MetricNames
{
    public const string Mse = "mse";
    public const string L1 = "l1";
    public const string Bce = "bce";
    public const string Psnr = "psnr";
    public const string Ssim = "ssim";

    public const string ValidationMse = "val_mse";
    public const string ValidationL1 = "val_l1";
    public const string ValidationBce = "val_bce";
    public const string ValidationPsnr = "val_psnr";
    public const string ValidationSsim = "val_ssim";
    public const string TestMse = "test_mse";
    public const string PcaValidationMse = "pca_val_mse";
    public const string TrainLoss = "train_loss";
    public const string Epochs = "epochs";

    /// <summary>Every validation metric name that may appear in an epoch report.</summary>
    public static IReadOnlyList<string> Validation { get; } = [ValidationMse, ValidationL1, ValidationBce, ValidationPsnr, ValidationSsim];
}
