using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One searched parameter of a sweep: its name and its distribution in words.</summary>
public sealed record ParameterSummaryView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("distribution")] string Distribution);
