using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Progressive ASHA (PASHA; Bohdal et al. 2023, "PASHA: Efficient HPO and NAS with Progressive Resource
/// Allocation"): asynchronous successive halving whose maximum resource starts at the second rung and grows by one
/// rung (×η) only while the ranking of the trials in the current top rung disagrees with their ranking one rung
/// below. The rungs are ASHA's, r·η^k below the full budget; below the current maximum rung a trial goes on only in
/// the top 1/η of its rung, exactly as <see cref="SuccessiveHalvingPruner"/>.
/// </summary>
/// <remarks>
/// <para>
/// Stability is the paper's soft ranking with its automatic ε (syne-tune's <c>soft_ranking_auto</c>): sort the
/// trials of the top rung by their value there and by their value one rung below; the ranking is stable when, at
/// every position, the trial placed there by the top rung had a value one rung below within ε of the value placed
/// there by that lower rung. ε is the 90th percentile of |difference| over the pairs of trials, at the epochs
/// between the two rungs, whose order flipped and flipped back over the epochs before (the noise of the curves),
/// and 0 while no pair did.
/// </para>
/// <para>
/// Like every pruner this one is stateless: the current maximum rung is re-derived from the history at each rung
/// crossing as the lowest rung k ≥ 1 whose ranking against rung k − 1 is stable (a rung with fewer than two trials
/// is stable). PASHA keeps a raised maximum even if the ranking settles again before anyone gets there; here it can
/// fall back, but only until a trial reaches the raised rung, whose ranking then decides.
/// </para>
/// <para>
/// What the maximum resource means with fixed epochs: PASHA pauses trials at the current maximum and resumes them
/// when it grows. An AeSweep trial trains a fixed number of epochs and is not paused, so a trial that reaches the
/// current maximum rung stops there as pruned (its value there stays in the history, and the samplers learn from
/// it: <see cref="Samplers.ModelObservations"/>) — unless it is the best trial at that rung so far: that one trains
/// to the end, so the sweep always finishes with fully trained models of the trials that led the top rung (about
/// ln n of n trials). Once every rung below the full budget is unstable, PASHA is plain ASHA.
/// </para>
/// </remarks>
public sealed class PashaPruner : IPruner
{
    /// <summary>The percentile of the noisy pairs' distances taken as ε, as in the paper.</summary>
    public const double EpsilonPercentile = 90;

    private readonly SuccessiveHalvingPruner _asha;

    /// <summary>Creates a PASHA pruner.</summary>
    /// <param name="minResource">r: steps (epochs) before the first rung.</param>
    /// <param name="reductionFactor">η.</param>
    /// <param name="maxResource">R: the steps of a full trial (the sweep's epochs); rungs sit below it. Null: rungs without end.</param>
    public PashaPruner(int minResource = 1, int reductionFactor = 3, int? maxResource = null)
    {
        _asha = new SuccessiveHalvingPruner(minResource, reductionFactor);
        if (maxResource is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, minResource);
        }

        MaxResource = maxResource;
        // Steps are ints: without a maximum the rungs end where a step no longer fits one.
        var rungs = 0;
        while (_asha.RungStep(rungs) is var rungStep && rungStep > 0 && rungStep <= int.MaxValue && (maxResource is not { } m || rungStep < m))
        {
            rungs++;
        }

        RungCount = rungs;
    }

    /// <summary>r.</summary>
    public int MinResource => _asha.MinResource;

    /// <summary>η.</summary>
    public int ReductionFactor => _asha.ReductionFactor;

    /// <summary>R, or null.</summary>
    public int? MaxResource { get; }

    /// <summary>The number of rungs below <see cref="MaxResource"/>.</summary>
    public int RungCount { get; }

    /// <summary>The step of rung <paramref name="rung"/>: r·η^rung.</summary>
    public long RungStep(int rung) => _asha.RungStep(rung);

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        var trial = context.Trial;
        if (trial.LastStep is not { } step)
        {
            return false;
        }

        var value = trial.IntermediateValues[step];
        var previousStep = trial.IntermediateValues.Count > 1 ? trial.IntermediateValues.Keys.Reverse().Skip(1).First() : int.MinValue;
        int? maxRung = null;
        List<FrozenTrial>? others = null;
        for (var rung = 0; rung < RungCount; rung++)
        {
            var rungStep = RungStep(rung);
            if (step < rungStep)
            {
                return false;
            }

            if (previousStep >= rungStep)
            {
                continue;
            }

            if (double.IsNaN(value))
            {
                return true;
            }

            maxRung ??= CurrentMaxRung(context.Trials, context.Goal);
            if (rung > maxRung)
            {
                // Past the maximum: the trial led the maximum rung when it crossed it and trains to the end.
                continue;
            }

            others ??= [.. context.Trials.Where(t => t.Number != trial.Number)];
            var mine = context.Goal.ToMinimized(value);
            var theirs = others.Select(t => ValueAt(t, rungStep, context.Goal)).OfType<double>().ToList();
            var goesOn = rung < maxRung ? _asha.IsPromotable(mine, theirs) : theirs.All(v => mine < v);
            if (!goesOn)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The current maximum rung: the lowest rung k ≥ 1 whose soft ranking against rung k − 1 is stable, or
    /// <see cref="RungCount"/> when none is (no maximum below the full budget).
    /// </summary>
    public int CurrentMaxRung(IReadOnlyList<FrozenTrial> trials, MetricGoal goal)
    {
        ArgumentNullException.ThrowIfNull(trials);
        for (var k = 1; k < RungCount; k++)
        {
            if (IsStable(trials, goal, k))
            {
                return k;
            }
        }

        return RungCount;
    }

    private bool IsStable(IReadOnlyList<FrozenTrial> trials, MetricGoal goal, int rung)
    {
        var top = new List<(int Number, double Top, double Below)>();
        foreach (var trial in trials)
        {
            if (ValueAt(trial, RungStep(rung), goal) is { } t && ValueAt(trial, RungStep(rung - 1), goal) is { } b)
            {
                top.Add((trial.Number, t, b));
            }
        }

        if (top.Count < 2)
        {
            return true;
        }

        var epsilon = Epsilon(trials, goal, rung);
        var byTop = top.OrderBy(x => x.Top).ThenBy(x => x.Number).ToList();
        var byBelow = top.OrderBy(x => x.Below).ThenBy(x => x.Number).ToList();
        for (var i = 0; i < byTop.Count; i++)
        {
            if (Math.Abs(byTop[i].Below - byBelow[i].Below) > epsilon)
            {
                return false;
            }
        }

        return true;
    }

    // The paper's automatic ε: over the epochs after rung − 1 up to rung (from the top down, each pair once, at the
    // highest epoch both reported), the pairs whose order at that epoch was reversed at some earlier epoch and
    // restored at an earlier one still; ε is the 90th percentile of their distances at that epoch.
    private double Epsilon(IReadOnlyList<FrozenTrial> trials, MetricGoal goal, int rung)
    {
        var low = RungStep(rung - 1);
        var high = RungStep(rung);
        var candidates = trials.Where(t => t.LastStep > low).ToList();
        var seen = new HashSet<(int, int)>();
        var distances = new List<double>();
        for (var epoch = (int)high; epoch > low; epoch--)
        {
            var at = candidates.Where(t => t.IntermediateValues.ContainsKey(epoch)).ToList();
            for (var i = 0; i < at.Count; i++)
            {
                for (var j = i + 1; j < at.Count; j++)
                {
                    if (!seen.Add((at[i].Number, at[j].Number)))
                    {
                        continue;
                    }

                    var p1 = goal.ToMinimized(at[i].IntermediateValues[epoch]);
                    var p2 = goal.ToMinimized(at[j].IntermediateValues[epoch]);
                    if (FlippedAndBack(at[i], at[j], epoch, p1 > p2, goal))
                    {
                        distances.Add(Math.Abs(p1 - p2));
                    }
                }
            }
        }

        return distances.Count == 0 ? 0 : Percentile(distances, EpsilonPercentile);
    }

    private static bool FlippedAndBack(FrozenTrial a, FrozenTrial b, int epoch, bool order, MetricGoal goal)
    {
        var reversed = false;
        for (var e = epoch - 1; e >= 1; e--)
        {
            if (!a.IntermediateValues.TryGetValue(e, out var x) || !b.IntermediateValues.TryGetValue(e, out var y))
            {
                continue;
            }

            var earlier = goal.ToMinimized(x) > goal.ToMinimized(y);
            reversed |= earlier != order;
            if (reversed && earlier == order)
            {
                return true;
            }
        }

        return false;
    }

    // numpy's default (linear) percentile.
    private static double Percentile(List<double> values, double percent)
    {
        values.Sort();
        var position = percent / 100 * (values.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, values.Count - 1);
        return values[below] + ((position - below) * (values[above] - values[below]));
    }

    // A trial's value at a rung as ASHA reads it: its first report at or past the rung's step (minimised), if it got there.
    private static double? ValueAt(FrozenTrial trial, long rungStep, MetricGoal goal)
    {
        if (trial.LastStep is not { } last || last < rungStep)
        {
            return null;
        }

        foreach (var (s, v) in trial.IntermediateValues)
        {
            if (s >= rungStep)
            {
                return double.IsNaN(v) ? null : goal.ToMinimized(v);
            }
        }

        return null;
    }
}
