using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// <c>PUT /api/sweeps/{id}/notes</c> and <c>PUT /api/trials/{id}/notes</c>: the new Markdown notes (at most
/// <see cref="NotesRules.MaxLength"/> characters; empty or null clears them).
/// </summary>
public sealed record NotesRequest([property: JsonPropertyName("notes")] string? Notes);
