using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>The outcome of a tell: the trial's final state, the request's wrong field, or why the trial refused it.</summary>
public sealed record TellTrialResult(TellTrialOutcome Outcome, ToldTrialView? Told, FieldErrorView? Error, string? Detail);
