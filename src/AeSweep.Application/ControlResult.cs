using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>
/// The outcome of a sweep-control command and a sentence saying why; an invalid request's field errors; the trial a
/// command created (enqueue, retry).
/// </summary>
public sealed record ControlResult(string Id, ControlOutcome Outcome, string Detail)
{
    /// <summary>Each wrong field of an <see cref="ControlOutcome.Invalid"/> request (path and message).</summary>
    public IReadOnlyList<FieldErrorView> Errors { get; init; } = [];

    /// <summary>The trial an enqueue or retry created; null otherwise.</summary>
    public string? TrialId { get; init; }

    public static ControlResult NotAvailable(string id, string action) =>
        new(id, ControlOutcome.NotAvailable, $"{action} is not available in this version of AeSweep.");

    public static ControlResult Invalid(string id, IReadOnlyList<FieldErrorView> errors) =>
        new(id, ControlOutcome.Invalid, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))) { Errors = errors };

    /// <summary>The answer body a control route returns.</summary>
    public ControlView ToView() => new(Id, Outcome switch
    {
        ControlOutcome.Applied => "applied",
        ControlOutcome.NotFound => "not_found",
        ControlOutcome.Conflict => "conflict",
        ControlOutcome.Invalid => "invalid",
        _ => "not_available",
    }, Detail);
}
