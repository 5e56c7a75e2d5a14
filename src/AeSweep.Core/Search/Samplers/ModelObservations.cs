using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// What a model-based sampler learns from, BOHB-style (Falkner et al. 2018): when nothing was pruned, the completed
/// trials' final values; when trials were pruned, every trial's value at the largest budget (step) that at least
/// <c>minCount</c> trials reached, so work stopped early still teaches the model instead of being thrown away.
/// </summary>
/// <remarks>
/// <para>
/// The value of a trial "at budget b" is its last report at or before step b, from trials whose last report is at
/// or past b (pruned or running). With a report every epoch — built-in training — that is the report at b itself;
/// with sparser reports (an outside trainer reporting every few steps) it is the newest value that used no more than
/// b steps, so no trial is credited with training the others did not get.
/// </para>
/// <para>
/// A completed trial counts at every budget: below its last report with its report there, at or past its last
/// report with its final value (when the last report is at b itself the final value wins: it is the number the
/// sweep ranks the trial by, and the trainer may compute it on the final model with the full validation). A completed
/// trial that reported nothing ran a budget nobody knows and counts as past every report. A trial whose value at b is
/// NaN, or that has no report at or before b, is left out, as are failed and cancelled trials.
/// </para>
/// <para>
/// Where curves cross with the parameters searched (a large learning rate looks best early and loses late), the low
/// budget's ranking misleads the model; docs/benchmarks/search.md measures this against Optuna's ranking.
/// </para>
/// </remarks>
public static class ModelObservations
{
    /// <summary>The observations to fit on, in trial-number order.</summary>
    /// <param name="context">The history.</param>
    /// <param name="minCount">
    /// Trials needed at a budget to fit on it (BOHB's N_min); when no budget has that many, the lowest budget reached
    /// (the most observations there are).
    /// </param>
    public static IReadOnlyList<ModelObservation> Select(SamplingContext context, int minCount)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trials = context.Trials;
        var completed = 0;
        var anyPruned = false;
        var partialSteps = new List<int>();
        var full = int.MinValue;
        foreach (var trial in trials)
        {
            switch (trial.State)
            {
                case TrialState.Completed when trial.Value is { } v && !double.IsNaN(v):
                    // A completed trial that reported nothing ran a budget nobody knows: its full one, past every report.
                    completed++;
                    full = Math.Max(full, trial.LastStep ?? int.MaxValue);
                    break;
                case TrialState.Pruned or TrialState.Running when trial.LastStep is { } step:
                    anyPruned |= trial.State == TrialState.Pruned;
                    partialSteps.Add(step);
                    break;
                case TrialState.Pruned:
                    anyPruned = true;
                    break;
                default:
                    break;
            }
        }

        if (!anyPruned)
        {
            return [.. trials
                .Where(t => t.State == TrialState.Completed && t.Value is { } v && !double.IsNaN(v))
                .Select(t => new ModelObservation(t, t.Value!.Value, null))];
        }

        // The trials reaching b are the completed ones plus the partial ones whose last report is at or past b, so
        // the count falls as b grows: the largest b with minCount of them is the completed trials' full budget when
        // they alone are enough, else the (minCount − completed)-th deepest partial trial's last step.
        partialSteps.Sort((x, y) => y.CompareTo(x));
        var needed = minCount - completed;
        int budget;
        if (needed <= 0 || partialSteps.Count == 0)
        {
            if (completed == 0)
            {
                return [];
            }

            budget = full;
        }
        else
        {
            budget = partialSteps[Math.Min(needed, partialSteps.Count) - 1];
        }

        var observations = new List<ModelObservation>();
        foreach (var trial in trials)
        {
            if (ValueAt(trial, budget) is { } value)
            {
                observations.Add(new ModelObservation(trial, value, budget == int.MaxValue ? null : budget));
            }
        }

        return observations;
    }

    /// <summary>The trial's value at <paramref name="budget"/> as <see cref="Select"/> reads it, or null when it has none.</summary>
    public static double? ValueAt(FrozenTrial trial, int budget)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var finished = trial.State == TrialState.Completed && trial.Value is { } final && !double.IsNaN(final);
        if (!finished && trial.State is not (TrialState.Pruned or TrialState.Running))
        {
            return null;
        }

        if (finished && (trial.LastStep is not { } last || last <= budget))
        {
            return trial.Value;
        }

        if (trial.LastStep is not { } reached || reached < budget)
        {
            return null;
        }

        double? value = null;
        foreach (var (step, v) in trial.IntermediateValues)
        {
            if (step > budget)
            {
                break;
            }

            value = v;
        }

        return value is { } found && !double.IsNaN(found) ? found : null;
    }
}
