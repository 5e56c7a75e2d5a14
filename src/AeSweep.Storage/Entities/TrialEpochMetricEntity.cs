namespace AeSweep.Storage.Entities;

/// <summary>The metrics a trial reported for one epoch; (trial, epoch) is the key, so a re-report replaces.</summary>
public sealed class TrialEpochMetricEntity
{
    public required string TrialId { get; set; }
    public int Epoch { get; set; }

    /// <summary>Metrics as a JSON object name → number.</summary>
    public required string MetricsJson { get; set; }

    /// <summary>The trial attempt that reported these values (a resumed trial reports with a higher attempt).</summary>
    public int Attempt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
