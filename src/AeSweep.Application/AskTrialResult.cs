using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>The outcome of an ask: the trial, or why there is none.</summary>
public sealed record AskTrialResult(AskTrialOutcome Outcome, AskedTrialView? Trial, string? Refusal);
