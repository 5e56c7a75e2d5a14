using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The body of <c>PATCH /api/sweeps/{id}</c>: what to change; today the budget.</summary>
public sealed record SweepPatchRequest([property: JsonPropertyName("budget")] ChangeBudgetRequest? Budget = null);
