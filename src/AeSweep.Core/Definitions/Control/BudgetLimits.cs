namespace AeSweep.Core.Definitions;

/// <summary>
/// The bounds of the budget's limits, one owner for the sweep file's validator and for a budget changed while the
/// sweep runs (<c>PATCH /api/sweeps/{id}</c>, <c>aesweep budget</c>), so both accept exactly the same values.
/// </summary>
public static class BudgetLimits
{
    /// <summary>Smallest budget.max_trials.</summary>
    public const int MinTrials = 1;

    /// <summary>Largest budget.max_trials.</summary>
    public const int MaxTrials = 1_000_000;

    /// <summary>Smallest budget.max_parallel.</summary>
    public const int MinParallel = 1;

    /// <summary>Largest budget.max_parallel.</summary>
    public const int MaxParallel = 4096;

    /// <summary>budget.max_minutes and budget.max_trial_minutes are above this (exclusive).</summary>
    public const double MinMinutesExclusive = 0;

    /// <summary>Largest budget.max_minutes and budget.max_trial_minutes (a year).</summary>
    public const double MaxMinutes = 525_600;
}
