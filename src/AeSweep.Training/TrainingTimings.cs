namespace AeSweep.Training;

/// <summary>Where a trial's wall time went, for dashboards and the benchmark.</summary>
/// <param name="LoadSeconds">Reading the data and building the model.</param>
/// <param name="EpochSeconds">All epochs run here: training, validation, checkpoints and observer calls.</param>
/// <param name="FinishSeconds">Test metrics, the PCA baseline and the artifacts.</param>
/// <param name="TrainSamples">Training samples per epoch (after the validation split).</param>
public sealed record TrainingTimings(double LoadSeconds, double EpochSeconds, double FinishSeconds, long TrainSamples)
{
    public static TrainingTimings None { get; } = new(0, 0, 0, 0);
}
