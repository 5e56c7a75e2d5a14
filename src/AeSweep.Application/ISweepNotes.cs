using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>
/// Markdown notes on sweeps and trials: read and replaced by the API (<c>PUT /api/sweeps/{id}/notes</c>,
/// <c>PUT /api/trials/{id}/notes</c>), the dashboard's notes cards and <c>aesweep note</c>. A saved change is published
/// on the change feed, so every open page shows it.
/// </summary>
public interface ISweepNotes
{
    /// <summary>A sweep's notes; null when there is no such sweep.</summary>
    Task<NotesView?> GetSweepNotesAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>A trial's notes; null when there is no such trial.</summary>
    Task<NotesView?> GetTrialNotesAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>Replaces a sweep's notes (blank clears them).</summary>
    Task<NotesResult> SetSweepNotesAsync(string sweepId, string? notes, CancellationToken cancellationToken);

    /// <summary>Replaces a trial's notes (blank clears them).</summary>
    Task<NotesResult> SetTrialNotesAsync(string trialId, string? notes, CancellationToken cancellationToken);
}
