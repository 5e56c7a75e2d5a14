using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>200 of <c>POST /api/trials/{id}/tell</c>: the state the trial ended in and why.</summary>
public sealed record ToldTrialView(
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("reason")] string? Reason);
