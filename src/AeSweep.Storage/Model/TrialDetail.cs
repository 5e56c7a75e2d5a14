namespace AeSweep.Storage.Model;

/// <summary>A trial with its per-epoch metrics (in epoch order) and its artifacts.</summary>
public sealed record TrialDetail(TrialSnapshot Trial, IReadOnlyList<EpochMetrics> Epochs, IReadOnlyList<ArtifactInfo> Artifacts);
