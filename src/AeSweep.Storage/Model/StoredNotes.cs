namespace AeSweep.Storage.Model;

/// <summary>The notes of one sweep or trial: whose (the trial's id, or null for the sweep's own), its sweep, and the text (null: none).</summary>
public sealed record StoredNotes(string SweepId, string? TrialId, string? Notes);
