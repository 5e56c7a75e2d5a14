using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The budget of <c>PATCH /api/sweeps/{id}</c>: new limits for an unfinished sweep (a null field keeps its limit); max_trial_minutes and max_failed_trials are fixed at submission.</summary>
public sealed record ChangeBudgetRequest(
    [property: JsonPropertyName("max_trials")] int? MaxTrials = null,
    [property: JsonPropertyName("max_parallel")] int? MaxParallel = null,
    [property: JsonPropertyName("max_minutes")] double? MaxMinutes = null,
    [property: JsonPropertyName("max_trial_minutes")] double? MaxTrialMinutes = null,
    [property: JsonPropertyName("max_failed_trials")] int? MaxFailedTrials = null);
