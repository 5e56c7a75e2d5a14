using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// <c>GET /api/sweeps/{id}</c>: the sweep, its budget (null when the stored definition cannot be read), its trial
/// counts per state (every state, zeros included) and the sampler in words (e.g. "auto: quasi-random start (12
/// trials), then gp (6 numeric parameters, max_trials 60)"; null when the stored definition cannot be read), the
/// import of a warm-started sweep (<c>warm_start</c>; null for others) and the user's Markdown notes (null: none).
/// </summary>
public sealed record SweepDetailView(
    [property: JsonPropertyName("sweep")] SweepView Sweep,
    [property: JsonPropertyName("budget")] BudgetView? Budget,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
    [property: JsonPropertyName("sampler")] string? Sampler = null,
    [property: JsonPropertyName("warm_start")] WarmStartView? WarmStart = null,
    [property: JsonPropertyName("notes")] string? Notes = null);
