using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// What a stored sweep definition says, for display: search method, seed, pruner, data or program, the searched
/// parameters (name and distribution) and the stored text itself.
/// </summary>
public sealed record DefinitionSummaryView(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("seed")] long? Seed,
    [property: JsonPropertyName("early_terminate")] string EarlyTerminate,
    [property: JsonPropertyName("dataset")] string? Dataset,
    [property: JsonPropertyName("program")] string? Program,
    [property: JsonPropertyName("parameters")] IReadOnlyList<ParameterSummaryView> Parameters,
    [property: JsonPropertyName("text")] string Text);
