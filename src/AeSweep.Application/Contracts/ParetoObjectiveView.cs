using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One objective of a multi-objective sweep: its name, its goal (<c>minimize</c> or <c>maximize</c>) and an axis label with the unit.</summary>
public sealed record ParetoObjectiveView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("goal")] string Goal,
    [property: JsonPropertyName("label")] string Label);
