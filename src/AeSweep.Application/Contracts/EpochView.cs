using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The metrics a trial reported for one epoch, and which attempt reported them.</summary>
public sealed record EpochView(
    [property: JsonPropertyName("epoch")] int Epoch,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("recorded_at")] DateTimeOffset RecordedAt,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics);
