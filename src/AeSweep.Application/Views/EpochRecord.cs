namespace AeSweep.Application.Views;

/// <summary>The metrics a trial reported for one epoch, the attempt that reported them and when.</summary>
public sealed record EpochRecord(int Epoch, IReadOnlyDictionary<string, double> Metrics, int Attempt, DateTimeOffset RecordedAt);
