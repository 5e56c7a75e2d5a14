using System.Text.Json.Serialization;

namespace AeSweep.Web.Api;

/// <summary>The body of <c>POST /api/trials/{id}/tell</c>, for the OpenAPI document (the handler validates the JSON itself to name bad fields).</summary>
public sealed record TellRequest(
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("intermediate_values")] Dictionary<string, double>? IntermediateValues,
    [property: JsonPropertyName("reason")] string? Reason);
