namespace AeSweep.Training;

/// <summary>What a trial's training produced.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Metrics">
/// Final metrics: the full validation suite on the final model (val_mse, val_l1, val_bce, val_psnr, val_ssim as they
/// apply; a failed or cancelled trial has only its last epoch's), test_* on the dataset's test set where it has one
/// (completed trials only), pca_val_mse (the PCA baseline with as many components as the code size),
/// train_loss and epochs.
/// </param>
/// <param name="Artifacts">Artifact name → file path (gallery, latent_map, learning_curve, checkpoint).</param>
/// <param name="History">Every epoch's report, in order (including epochs before a resume).</param>
/// <param name="EpochsRun">Epochs completed in total.</param>
/// <param name="FailureReason">Why it failed or was cancelled, else null.</param>
public sealed record TrainingResult(
    TrainingOutcome Outcome,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Artifacts,
    IReadOnlyList<EpochReport> History,
    int EpochsRun,
    string? FailureReason)
{
    /// <summary>Where the time went (zeros when the trial failed before training).</summary>
    public TrainingTimings Timings { get; init; } = TrainingTimings.None;
}
