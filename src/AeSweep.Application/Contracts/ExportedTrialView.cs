using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One trial of an export: number, state, objective, duration, reason, parameters and final metrics.</summary>
public sealed record ExportedTrialView(
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("objective")] double? Objective,
    [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics);
