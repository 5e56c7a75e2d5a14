namespace AeSweep.Storage.Model;

/// <summary>How many epochs a trial reported and the metrics of the latest one.</summary>
public sealed record EpochSummary(int Epochs, IReadOnlyDictionary<string, double> LatestMetrics);
