using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>202 of <c>POST /api/sweeps/{id}/cancel</c>: the sweep and the state it is moving to (<c>cancelled</c>).</summary>
public sealed record CancelledSweepView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State);
