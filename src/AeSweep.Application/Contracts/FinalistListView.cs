using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// <c>GET /api/sweeps/{id}/finalists</c>: the sweep's <c>finalize</c> setting (nulls when it has none), the metric the
/// finalists are ranked by and its goal, and the finalists ranked by that metric's mean (empty until the search has
/// ended and finalist runs exist).
/// </summary>
public sealed record FinalistListView(
    [property: JsonPropertyName("sweep_id")] string SweepId,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("goal")] string Goal,
    [property: JsonPropertyName("top_k")] int? TopK,
    [property: JsonPropertyName("seeds")] int? Seeds,
    [property: JsonPropertyName("finalists")] IReadOnlyList<FinalistView> Finalists);
