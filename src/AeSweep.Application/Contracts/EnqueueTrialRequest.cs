using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A future control route's body: a trial with these parameter values, queued ahead of the sampler's suggestions.</summary>
public sealed record EnqueueTrialRequest(
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters);
