using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The answer of a control route (pause, resume, budget, enqueue, retry, drain): what it acted on and what happened (<c>applied</c>, <c>not_found</c>, <c>conflict</c> or <c>not_available</c>).</summary>
public sealed record ControlView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("detail")] string Detail);
