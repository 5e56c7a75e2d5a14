using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A sweep's page: the sweep, a summary of its definition, its budget, trial counts per state and its best trial.</summary>
public sealed record SweepOverview(
    [property: JsonPropertyName("sweep")] SweepView Sweep,
    [property: JsonPropertyName("definition")] DefinitionSummaryView? Definition,
    [property: JsonPropertyName("budget")] BudgetView? Budget,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
    [property: JsonPropertyName("best")] TrialView? Best);
