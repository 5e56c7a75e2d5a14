using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>A sweep's budget as stored with its definition, so clients can draw progress against max_trials.</summary>
public sealed record BudgetView(
    [property: JsonPropertyName("max_trials")] int? MaxTrials,
    [property: JsonPropertyName("max_parallel")] int MaxParallel,
    [property: JsonPropertyName("max_minutes")] double? MaxMinutes,
    [property: JsonPropertyName("max_trial_minutes")] double? MaxTrialMinutes,
    [property: JsonPropertyName("max_failed_trials")] int MaxFailedTrials,
    [property: JsonPropertyName("max_attempts")] int MaxAttempts);
