using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The answer of an enqueue (<c>POST /api/sweeps/{id}/trials</c>) or a retry (<c>POST /api/trials/{id}/retry</c>): the new trial, its sweep, and the trial it retries.</summary>
public sealed record QueuedTrialView(
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("sweep_id")] string SweepId,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("retry_of")] string? RetryOf);
