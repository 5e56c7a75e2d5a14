namespace AeSweep.Training;

/// <summary>One epoch's results.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training objective over the epoch (loss plus penalties); never used for ranking.</param>
/// <param name="Metrics">
/// What ranking and pruning need, computed the same way for every trial: val_mse, and the sweep's metric when it is
/// another validation metric (<see cref="TrainingRequest.Metric"/>). The full suite is in the final metrics only.
/// </param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
/// <param name="LearningRate">The learning rate used in this epoch.</param>
public sealed record EpochReport(
    int Epoch,
    double TrainLoss,
    IReadOnlyDictionary<string, double> Metrics,
    double Seconds,
    double LearningRate);
