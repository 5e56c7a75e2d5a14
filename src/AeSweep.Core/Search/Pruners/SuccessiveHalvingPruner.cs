using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Asynchronous successive halving (ASHA; Li et al., "A System for Massively Parallel Hyperparameter
/// Tuning"), as Optuna's <c>SuccessiveHalvingPruner</c>. Rung k sits at step r·η^(s+k) (r the minimum
/// resource, η the reduction factor, s the minimum early-stopping rate). When a trial reaches a rung it
/// is compared at once with the trials that have reached that rung so far — nobody waits for a rung to
/// fill — and goes on only if it is in their top 1/η (while fewer than η trials have reached the rung,
/// only a new best goes on).
/// </summary>
/// <remarks>
/// Optuna stores each trial's value per rung as it passes; here it is derived from the history: a
/// trial's value at rung k is its intermediate value at the first step it reported at or past the
/// rung's step. With a report every epoch this is the same number.
/// </remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    /// <summary>Creates an ASHA pruner.</summary>
    /// <param name="minResource">r: steps (epochs) before the first rung.</param>
    /// <param name="reductionFactor">η: one in η trials is promoted at each rung.</param>
    /// <param name="minEarlyStoppingRate">s: skips the first s rungs (Hyperband's bracket index).</param>
    public SuccessiveHalvingPruner(int minResource = 1, int reductionFactor = 3, int minEarlyStoppingRate = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minResource, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(minEarlyStoppingRate);
        MinResource = minResource;
        ReductionFactor = reductionFactor;
        MinEarlyStoppingRate = minEarlyStoppingRate;
    }

    /// <summary>r.</summary>
    public int MinResource { get; }

    /// <summary>η.</summary>
    public int ReductionFactor { get; }

    /// <summary>s.</summary>
    public int MinEarlyStoppingRate { get; }

    /// <summary>The step of rung <paramref name="rung"/>: r·η^(s+rung).</summary>
    public long RungStep(int rung) => MinResource * (long)Math.Pow(ReductionFactor, MinEarlyStoppingRate + rung);

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => ShouldPrune(context, context.Trials);

    /// <summary>Decides against <paramref name="competitors"/> only (Hyperband passes one bracket's trials).</summary>
    internal bool ShouldPrune(PruningContext context, IEnumerable<FrozenTrial> competitors)
    {
        var trial = context.Trial;
        if (trial.LastStep is not { } step)
        {
            return false;
        }

        var value = trial.IntermediateValues[step];
        var previousStep = trial.IntermediateValues.Count > 1 ? trial.IntermediateValues.Keys.Reverse().Skip(1).First() : int.MinValue;
        List<FrozenTrial>? others = null;
        for (var rung = 0; ; rung++)
        {
            var rungStep = RungStep(rung);
            if (step < rungStep)
            {
                return false;
            }

            if (previousStep >= rungStep)
            {
                // Judged at an earlier report.
                continue;
            }

            if (double.IsNaN(value))
            {
                return true;
            }

            others ??= [.. competitors.Where(t => t.Number != trial.Number)];
            if (!IsPromotable(context.Goal.ToMinimized(value), RungValues(others, rungStep, context.Goal)))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> (smaller is better) is in the top 1/η of itself and
    /// <paramref name="others"/> — the values other trials had at this rung.
    /// </summary>
    public bool IsPromotable(double value, IReadOnlyList<double> others)
    {
        var all = new List<double>(others) { value };
        all.Sort();
        var promotableIndex = Math.Max((all.Count / ReductionFactor) - 1, 0);
        return value <= all[promotableIndex];
    }

    private static List<double> RungValues(IEnumerable<FrozenTrial> trials, long rungStep, MetricGoal goal)
    {
        var values = new List<double>();
        foreach (var trial in trials)
        {
            if (trial.LastStep is not { } last || last < rungStep)
            {
                continue;
            }

            foreach (var (s, v) in trial.IntermediateValues)
            {
                if (s >= rungStep)
                {
                    if (!double.IsNaN(v))
                    {
                        values.Add(goal.ToMinimized(v));
                    }

                    break;
                }
            }
        }

        return values;
    }
}
