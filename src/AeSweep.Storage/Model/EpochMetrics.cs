namespace AeSweep.Storage.Model;

/// <summary>The metrics a trial reported for one epoch, and which attempt reported them.</summary>
public sealed record EpochMetrics(int Epoch, IReadOnlyDictionary<string, double> Metrics, int Attempt, DateTimeOffset RecordedAt);
