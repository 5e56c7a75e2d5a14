namespace AeSweep.Core.Sweeps;

/// <summary>How the policy judges a trial's reported end: the state and reason to store, and the metrics kept.</summary>
/// <param name="State">The final state (a completed trial without a usable objective becomes failed).</param>
/// <param name="Reason">Why it ended so; every state but completed carries one.</param>
/// <param name="Metrics">The metrics to store (a non-finite objective is dropped, so no export shows it as a result).</param>
/// <param name="Objective">The ranking metric's value for a completed trial, otherwise null.</param>
public sealed record TrialOutcome(
    Trials.TrialState State,
    string? Reason,
    IReadOnlyDictionary<string, double> Metrics,
    double? Objective)
{
    /// <summary>A multi-objective sweep's objective values of a completed trial, in the sweep's order; otherwise null.</summary>
    public IReadOnlyList<double>? ObjectiveValues { get; init; }
}
