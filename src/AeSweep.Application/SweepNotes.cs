using AeSweep.Application.Contracts;
using AeSweep.Application.Live;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>The notes service: validates the bound, writes through the store, tells live views.</summary>
public sealed class SweepNotes(ISweepNotesStore store, ISweepChangeFeed changes) : ISweepNotes
{
    public async Task<NotesView?> GetSweepNotesAsync(string sweepId, CancellationToken cancellationToken) =>
        IsId(sweepId) && await store.GetSweepNotesAsync(sweepId, cancellationToken) is { } stored ? View(stored) : null;

    public async Task<NotesView?> GetTrialNotesAsync(string trialId, CancellationToken cancellationToken) =>
        IsId(trialId) && await store.GetTrialNotesAsync(trialId, cancellationToken) is { } stored ? View(stored) : null;

    public async Task<NotesResult> SetSweepNotesAsync(string sweepId, string? notes, CancellationToken cancellationToken)
    {
        if (NotesRules.Check(notes) is { } error)
        {
            return new NotesResult(NotesOutcome.Invalid, Error: error);
        }

        if (!IsId(sweepId) || await store.SetSweepNotesAsync(sweepId, notes, cancellationToken) is not { } stored)
        {
            return new NotesResult(NotesOutcome.NotFound);
        }

        changes.Publish(SweepUpdate.OfSweep(stored.SweepId));
        return new NotesResult(NotesOutcome.Saved, View(stored));
    }

    public async Task<NotesResult> SetTrialNotesAsync(string trialId, string? notes, CancellationToken cancellationToken)
    {
        if (NotesRules.Check(notes) is { } error)
        {
            return new NotesResult(NotesOutcome.Invalid, Error: error);
        }

        if (!IsId(trialId) || await store.SetTrialNotesAsync(trialId, notes, cancellationToken) is not { } stored)
        {
            return new NotesResult(NotesOutcome.NotFound);
        }

        changes.Publish(SweepUpdate.OfTrial(stored.SweepId, trialId));
        return new NotesResult(NotesOutcome.Saved, View(stored));
    }

    // An id no row can have (blank or longer than any key) is simply not found, without a store round trip.
    private static bool IsId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= StorageLimits.TrialIdLength;

    private static NotesView View(StoredNotes stored) => new(stored.SweepId, stored.TrialId, stored.Notes);
}
