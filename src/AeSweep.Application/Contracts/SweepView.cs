using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A sweep as the API lists it (<c>GET /api/sweeps</c> items, and <c>sweep</c> in a sweep's detail).</summary>
public sealed record SweepView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("goal")] string Goal,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt,
    [property: JsonPropertyName("finished_at")] DateTimeOffset? FinishedAt,
    [property: JsonPropertyName("reason")] string? Reason);
