using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A future control route's body: new budget limits for a running sweep (a null field keeps its limit).</summary>
public sealed record ChangeBudgetRequest(
    [property: JsonPropertyName("max_trials")] int? MaxTrials = null,
    [property: JsonPropertyName("max_parallel")] int? MaxParallel = null,
    [property: JsonPropertyName("max_minutes")] double? MaxMinutes = null,
    [property: JsonPropertyName("max_trial_minutes")] double? MaxTrialMinutes = null,
    [property: JsonPropertyName("max_failed_trials")] int? MaxFailedTrials = null);
