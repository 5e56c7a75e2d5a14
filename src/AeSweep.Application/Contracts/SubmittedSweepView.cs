using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>201 of <c>POST /api/sweeps</c>: the new sweep's id and name.</summary>
public sealed record SubmittedSweepView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
