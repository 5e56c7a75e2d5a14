using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>One row of the sweep list with progress: the sweep, its budget, trial counts per state and its best trial so far.</summary>
public sealed record SweepProgressView(
    [property: JsonPropertyName("sweep")] SweepView Sweep,
    [property: JsonPropertyName("budget")] BudgetView? Budget,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
    [property: JsonPropertyName("best")] TrialView? Best);
