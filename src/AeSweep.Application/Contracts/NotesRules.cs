using AeSweep.Storage;

namespace AeSweep.Application.Contracts;

/// <summary>The bound on notes, checked before anything is stored, with the error the API and the dashboard show.</summary>
public static class NotesRules
{
    /// <summary>The longest notes text, in characters (the store's column length).</summary>
    public const int MaxLength = StorageLimits.NotesLength;

    /// <summary>Null when <paramref name="notes"/> may be stored; otherwise the field error naming <c>notes</c>.</summary>
    public static FieldErrorView? Check(string? notes) => notes is { Length: > MaxLength }
        ? new FieldErrorView("notes", null, $"notes are {notes.Length} characters long; at most {MaxLength} are allowed")
        : null;
}
