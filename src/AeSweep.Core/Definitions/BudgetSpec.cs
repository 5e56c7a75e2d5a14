namespace AeSweep.Core.Definitions;

/// <summary>How much a sweep may spend.</summary>
/// <param name="MaxTrials">The most trials the sampler suggests (null: the grid's size, or until time runs out).</param>
/// <param name="MaxParallel">The most trials running at once.</param>
/// <param name="MaxMinutes">Wall-clock limit; running trials are cancelled when it passes (null: none).</param>
public sealed record BudgetSpec(int? MaxTrials, int MaxParallel = 1, double? MaxMinutes = null)
{
    /// <summary>Wall-clock limit of one trial; a trial over it is stopped and fails (null: none).</summary>
    public double? MaxTrialMinutes { get; init; }
}
