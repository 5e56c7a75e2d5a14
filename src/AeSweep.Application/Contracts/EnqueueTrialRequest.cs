using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The body of <c>POST /api/sweeps/{id}/trials</c>: a trial with these parameter values, queued ahead of the sampler's suggestions.</summary>
public sealed record EnqueueTrialRequest(
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters);
