using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;

namespace AeSweep.Application;

/// <summary>The outcome of a submission: the new sweep, every validation error, or the program policy's refusal.</summary>
public sealed record SubmitResult(SubmitOutcome Outcome, SubmittedSweepView? Sweep, IReadOnlyList<ValidationError> Errors, string? Refusal)
{
    public static SubmitResult Submitted(SubmittedSweepView sweep) => new(SubmitOutcome.Submitted, sweep, [], null);

    public static SubmitResult Invalid(IReadOnlyList<ValidationError> errors) => new(SubmitOutcome.Invalid, null, errors, null);

    public static SubmitResult ProgramRefused(string refusal) => new(SubmitOutcome.ProgramRefused, null, [], refusal);

    /// <summary>Every error as the API's <c>errors</c> entries (field path, line, message).</summary>
    public IReadOnlyList<FieldErrorView> FieldErrors => Errors.Select(e => new FieldErrorView(e.Path, e.Line, e.Message)).ToList();
}
