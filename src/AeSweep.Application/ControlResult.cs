using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>The outcome of a sweep-control command and a sentence saying why.</summary>
public sealed record ControlResult(string Id, ControlOutcome Outcome, string Detail)
{
    public static ControlResult NotAvailable(string id, string action) =>
        new(id, ControlOutcome.NotAvailable, $"{action} is not available yet in this version of AeSweep.");

    /// <summary>The answer body a control route returns.</summary>
    public ControlView ToView() => new(Id, Outcome switch
    {
        ControlOutcome.Applied => "applied",
        ControlOutcome.NotFound => "not_found",
        ControlOutcome.Conflict => "conflict",
        _ => "not_available",
    }, Detail);
}
