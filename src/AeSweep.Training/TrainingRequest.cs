using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Training;

/// <summary>Everything one trial's training needs.</summary>
/// <param name="Parameters">The trial's hyperparameters (the family is the parameter <c>model</c>); absent ones take <see cref="TrialSettings"/>' defaults.</param>
/// <param name="Dataset">The sweep's data.</param>
/// <param name="Seed">The trial's seed: weight initialisation, shuffling, noise, VAE sampling.</param>
/// <param name="ArtifactDirectory">Where checkpoints, galleries, the latent map and the learning curve go.</param>
/// <param name="DataSeed">
/// The sweep's seed: the train/validation split and the gallery images. Every trial of a sweep must use the
/// same value so that all of them are ranked on the same validation samples.
/// </param>
/// <param name="ResumeFrom">A checkpoint directory written by an earlier run of this trial, or null to start fresh.</param>
/// <param name="Device"><c>cpu</c> or <c>cuda</c>/<c>cuda:N</c>.</param>
/// <param name="Threads">Intra-op CPU threads for this trial; trials side by side must divide the cores between them.</param>
/// <param name="Metric">
/// The sweep's metric. Each epoch computes only it (when it is a validation metric) and <c>val_mse</c>, what ranking
/// and pruning need; the full validation suite is computed once, on the final model. Null: <c>val_mse</c> alone.
/// </param>
/// <param name="CheckpointSeconds">
/// <c>execution.checkpoint_seconds</c>: an epoch end writes a checkpoint once this much training time has passed since
/// the last one (0: every epoch). Rung epochs, the epoch that ends the trial and a stop write one regardless.
/// </param>
/// <param name="RungEpochs">The epochs the sweep's pruner judges at (its rungs); each gets a checkpoint. Null: none.</param>
public sealed record TrainingRequest(
    IReadOnlyDictionary<string, ParameterValue> Parameters,
    DatasetSpec Dataset,
    long Seed,
    string ArtifactDirectory,
    long DataSeed = 0,
    string? ResumeFrom = null,
    string Device = "cpu",
    int Threads = 1,
    string? Metric = null,
    double CheckpointSeconds = ExecutionSpec.DefaultCheckpointSeconds,
    IReadOnlyCollection<int>? RungEpochs = null);
