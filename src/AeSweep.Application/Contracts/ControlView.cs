using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The answer of a control route (pause, resume, budget, enqueue, retry, drain): what it acted on and what happened.</summary>
public sealed record ControlView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("detail")] string Detail);
