namespace AeSweep.Core.Definitions;

/// <summary>How much a sweep may spend.</summary>
/// <param name="MaxTrials">The most trials the sampler suggests (null: the grid's size, or until time runs out).</param>
/// <param name="MaxParallel">The most trials running at once.</param>
/// <param name="MaxMinutes">Wall-clock limit; running trials are cancelled when it passes (null: none).</param>
public sealed record BudgetSpec(int? MaxTrials, int MaxParallel = 1, double? MaxMinutes = null)
{
    /// <summary>Default of <see cref="MaxFailedTrials"/>.</summary>
    public const int DefaultMaxFailedTrials = 10;

    /// <summary>Default of <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>
    /// After this many failed trials in a row (a completed or pruned trial resets the count) the sweep ends failed:
    /// a missing command or a broken dataset must not burn the whole trial budget.
    /// </summary>
    public int MaxFailedTrials { get; init; } = DefaultMaxFailedTrials;

    /// <summary>
    /// How many times a trial's worker may be lost under it (an expired lease, a restarted process) before the trial
    /// fails instead of being requeued; a worker shutting down cleanly hands its trials back without counting.
    /// </summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Wall-clock limit of one trial; a trial over it is stopped and fails (null: none).</summary>
    public double? MaxTrialMinutes { get; init; }
}
