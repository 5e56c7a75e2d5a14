namespace AeSweep.Core.Sweeps;

/// <summary>How a sweep ends on its own (a cancel is the user's doing, not the policy's).</summary>
public enum SweepEndState
{
    /// <summary>The budget is spent or the search space is exhausted: the results stand.</summary>
    Completed,

    /// <summary>Too many trials failed in a row (budget.max_failed_trials).</summary>
    Failed,
}
