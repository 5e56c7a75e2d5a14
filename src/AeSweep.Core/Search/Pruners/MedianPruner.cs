using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Prunes a trial whose best intermediate value so far is worse than the median of the completed
/// trials' values at the same step (Optuna's <c>MedianPruner</c>).
/// </summary>
public sealed class MedianPruner : IPruner
{
    /// <summary>Creates a median pruner.</summary>
    /// <param name="startupTrials">No pruning until this many trials have completed.</param>
    /// <param name="warmupSteps">No trial is pruned at a step ≤ this (with epochs counted from 1: the first <paramref name="warmupSteps"/> epochs always run).</param>
    public MedianPruner(int startupTrials = 5, int warmupSteps = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        StartupTrials = startupTrials;
        WarmupSteps = warmupSteps;
    }

    /// <summary>Completed trials needed before pruning starts.</summary>
    public int StartupTrials { get; }

    /// <summary>Steps that always run.</summary>
    public int WarmupSteps { get; }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        if (context.Trial.LastStep is not { } step || step <= WarmupSteps)
        {
            return false;
        }

        var completed = 0;
        var atStep = new List<double>();
        foreach (var trial in context.Trials)
        {
            if (trial.State != TrialState.Completed || trial.Number == context.Trial.Number)
            {
                continue;
            }

            completed++;
            if (trial.IntermediateValues.TryGetValue(step, out var v) && !double.IsNaN(v))
            {
                atStep.Add(context.Goal.ToMinimized(v));
            }
        }

        if (completed == 0 || completed < StartupTrials)
        {
            return false;
        }

        // Best so far, NaN ignored (as numpy's nanmin); nothing but NaN means the trial diverged.
        var best = context.Trial.IntermediateValues.Values.Where(v => !double.IsNaN(v)).Select(v => context.Goal.ToMinimized(v)).DefaultIfEmpty(double.NaN).Min();
        if (double.IsNaN(best))
        {
            return true;
        }

        return atStep.Count > 0 && best > Median(atStep);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }
}
