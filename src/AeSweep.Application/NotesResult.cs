using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>The outcome of writing notes: the stored notes when saved, the field error when invalid.</summary>
public sealed record NotesResult(NotesOutcome Outcome, NotesView? Notes = null, FieldErrorView? Error = null);
