using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// One run of a finalist configuration: the original search trial (<c>original</c> true) or one of its finalist runs,
/// with the seed it trained with (sweep seed + trial number), its state and its final metrics (finite only).
/// </summary>
public sealed record FinalistRunView(
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("seed")] long? Seed,
    [property: JsonPropertyName("original")] bool Original,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics);
