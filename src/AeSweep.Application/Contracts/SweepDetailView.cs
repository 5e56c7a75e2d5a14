using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary><c>GET /api/sweeps/{id}</c>: the sweep, its budget (null when the stored definition cannot be read) and its trial counts per state (every state, zeros included).</summary>
public sealed record SweepDetailView(
    [property: JsonPropertyName("sweep")] SweepView Sweep,
    [property: JsonPropertyName("budget")] BudgetView? Budget,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts);
