using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

/// <summary>The notes store: one statement to write (no tracked entity, so no version check or bump), one to read.</summary>
public sealed partial class EfSweepStore : ISweepNotesStore
{
    public async Task<StoredNotes?> SetSweepNotesAsync(string sweepId, string? notes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepId);
        var text = NormalizedNotes(notes);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Sweeps.Where(s => s.Id == sweepId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Notes, text), cancellationToken);
        return updated == 0 ? null : new StoredNotes(sweepId, null, text);
    }

    public async Task<StoredNotes?> SetTrialNotesAsync(string trialId, string? notes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        var text = NormalizedNotes(notes);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sweepId = await db.Trials.Where(t => t.Id == trialId).Select(t => t.SweepId).SingleOrDefaultAsync(cancellationToken);
        if (sweepId is null)
        {
            return null;
        }

        await db.Trials.Where(t => t.Id == trialId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Notes, text), cancellationToken);
        return new StoredNotes(sweepId, trialId, text);
    }

    public async Task<StoredNotes?> GetSweepNotesAsync(string sweepId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sweepId);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sweeps.AsNoTracking().Where(s => s.Id == sweepId)
            .Select(s => new StoredNotes(s.Id, null, s.Notes)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<StoredNotes?> GetTrialNotesAsync(string trialId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Trials.AsNoTracking().Where(t => t.Id == trialId)
            .Select(t => new StoredNotes(t.SweepId, t.Id, t.Notes)).SingleOrDefaultAsync(cancellationToken);
    }

    // Blank notes are no notes; SQLite does not enforce column lengths, so the bound is checked here for both providers.
    private static string? NormalizedNotes(string? notes)
    {
        if (string.IsNullOrWhiteSpace(notes))
        {
            return null;
        }

        if (notes.Length > StorageLimits.NotesLength)
        {
            throw new ArgumentException($"notes must be at most {StorageLimits.NotesLength} characters", nameof(notes));
        }

        return notes;
    }
}
