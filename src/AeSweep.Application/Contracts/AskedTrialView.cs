using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>200 of <c>POST /api/sweeps/{id}/ask</c>: the trial to train outside AeSweep, its number and parameters.</summary>
public sealed record AskedTrialView(
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters);
