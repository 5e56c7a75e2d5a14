using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>The notes of a sweep (<c>trial_id</c> null) or of a trial, as stored (null: none).</summary>
public sealed record NotesView(
    [property: JsonPropertyName("sweep_id")] string SweepId,
    [property: JsonPropertyName("trial_id")] string? TrialId,
    [property: JsonPropertyName("notes")] string? Notes);
