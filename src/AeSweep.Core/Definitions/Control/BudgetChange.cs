using System.Globalization;

namespace AeSweep.Core.Definitions;

/// <summary>
/// A running sweep's new budget limits (null: keep the current one), checked against <see cref="BudgetLimits"/> (the
/// sweep file's bounds) and against what the sweep already did: max_trials below the trials it already created is
/// refused with a message that says how many. Errors name the field as the sweep file does (<c>budget.max_trials</c>).
/// </summary>
/// <param name="MaxTrials">New budget.max_trials.</param>
/// <param name="MaxParallel">New budget.max_parallel.</param>
/// <param name="MaxMinutes">New budget.max_minutes.</param>
public sealed record BudgetChange(int? MaxTrials, int? MaxParallel, double? MaxMinutes)
{
    /// <summary>Whether the change names no limit at all.</summary>
    public bool IsEmpty => MaxTrials is null && MaxParallel is null && MaxMinutes is null;

    /// <summary>
    /// The budget after the change, or the errors. <paramref name="trialsCreated"/> are the sweep's trials so far (every
    /// state counts towards budget.max_trials, as the coordinator counts them).
    /// </summary>
    public (BudgetSpec? Budget, IReadOnlyList<ValidationError> Errors) ApplyTo(BudgetSpec current, int trialsCreated)
    {
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<ValidationError>();
        if (IsEmpty)
        {
            errors.Add(new ValidationError("budget", null, "name at least one of max_trials, max_parallel, max_minutes"));
        }

        if (MaxTrials is { } trials)
        {
            if (trials is < BudgetLimits.MinTrials or > BudgetLimits.MaxTrials)
            {
                errors.Add(new ValidationError("budget.max_trials", null, $"must be an integer from {BudgetLimits.MinTrials} to {BudgetLimits.MaxTrials.ToString("N0", CultureInfo.InvariantCulture)}, not {trials}"));
            }
            else if (trials < trialsCreated)
            {
                errors.Add(new ValidationError("budget.max_trials", null, $"{trials} is below the {trialsCreated} trial(s) this sweep already created; it can only be lowered to {trialsCreated} or more"));
            }
        }

        if (MaxParallel is { } parallel && parallel is < BudgetLimits.MinParallel or > BudgetLimits.MaxParallel)
        {
            errors.Add(new ValidationError("budget.max_parallel", null, $"must be an integer from {BudgetLimits.MinParallel} to {BudgetLimits.MaxParallel}, not {parallel}"));
        }

        if (MaxMinutes is { } minutes && !(double.IsFinite(minutes) && minutes > BudgetLimits.MinMinutesExclusive && minutes <= BudgetLimits.MaxMinutes))
        {
            errors.Add(new ValidationError("budget.max_minutes", null, $"must be a number above {BudgetLimits.MinMinutesExclusive} and at most {BudgetLimits.MaxMinutes.ToString(CultureInfo.InvariantCulture)}, not {minutes.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (current with
        {
            MaxTrials = MaxTrials ?? current.MaxTrials,
            MaxParallel = MaxParallel ?? current.MaxParallel,
            MaxMinutes = MaxMinutes ?? current.MaxMinutes,
        }, errors);
    }
}
