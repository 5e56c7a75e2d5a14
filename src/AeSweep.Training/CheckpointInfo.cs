namespace AeSweep.Training;

/// <summary>A checkpoint written after an epoch; pass <see cref="Directory"/> as <see cref="TrainingRequest.ResumeFrom"/> to resume.</summary>
public sealed record CheckpointInfo(int Epoch, string Directory);
