namespace AeSweep.Training.Checkpoints;

/// <summary>The non-tensor part of a checkpoint: epochs completed and their reports.</summary>
public sealed record CheckpointProgress(int Epoch, List<EpochReport> History);
