namespace AeSweep.Core.Sweeps;

/// <summary>The policy's answer when a sweep ends now: its final state and the reason stored with it.</summary>
/// <param name="State">Completed or failed.</param>
/// <param name="Reason">Why, in the words the sweep's reason column shows (e.g. "budget.max_trials reached").</param>
public sealed record SweepEnd(SweepEndState State, string Reason);
