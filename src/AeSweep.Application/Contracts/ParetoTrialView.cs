using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// A trial on the Pareto front: its id and number, parameters (JSON-typed), final metrics (every objective among them,
/// <c>code_size</c> included) and its objective values in the sweep's objective order.
/// </summary>
public sealed record ParetoTrialView(
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, double> Metrics,
    [property: JsonPropertyName("objectives")] IReadOnlyList<double> Objectives);
