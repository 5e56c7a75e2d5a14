using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// The user's Markdown notes on sweeps and trials. Notes are outside the life cycle: writing them changes no state and
/// bumps no concurrency version, so it never conflicts with the engine's writes. Texts are at most
/// <see cref="StorageLimits.NotesLength"/> characters (the caller validates; the store refuses longer ones with an
/// <see cref="ArgumentException"/>). An empty or blank text clears the notes.
/// </summary>
public interface ISweepNotesStore
{
    /// <summary>Replaces a sweep's notes; null when there is no such sweep.</summary>
    Task<StoredNotes?> SetSweepNotesAsync(string sweepId, string? notes, CancellationToken cancellationToken);

    /// <summary>Replaces a trial's notes; null when there is no such trial.</summary>
    Task<StoredNotes?> SetTrialNotesAsync(string trialId, string? notes, CancellationToken cancellationToken);

    /// <summary>A sweep's notes; null when there is no such sweep.</summary>
    Task<StoredNotes?> GetSweepNotesAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>A trial's notes; null when there is no such trial.</summary>
    Task<StoredNotes?> GetTrialNotesAsync(string trialId, CancellationToken cancellationToken);
}
