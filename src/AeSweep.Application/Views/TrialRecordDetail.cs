namespace AeSweep.Application.Views;

/// <summary>One trial with its sweep's name, its epochs in order and its artifacts.</summary>
public sealed record TrialRecordDetail(TrialRecord Trial, string SweepName, IReadOnlyList<EpochRecord> Epochs, IReadOnlyList<ArtifactRecord> Artifacts);
