using AeSweep.Application.Views;
using AeSweep.Core.Trials;

namespace AeSweep.Application.Queries;

/// <summary>
/// Which trials a large sweep's charts draw. Always kept: the best completed trials, every trial that improved the
/// best-so-far (the history chart's line), and running trials (they are what changes). The rest is an even sample
/// in number order within each state, each state keeping its share, so the cloud keeps its shape over time.
/// </summary>
public static class ChartSampling
{
    /// <summary>At most <paramref name="max"/> trials (more only when the always-kept ones alone exceed it), in number order.</summary>
    public static IReadOnlyList<TrialRecord> ForCharts(IReadOnlyList<TrialRecord> trials, MetricGoal goal, int max)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count <= max)
        {
            return trials;
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var best in Ranked(trials, goal).Take(max / 10))
        {
            kept.Add(best.Id);
        }

        var bestSoFar = double.PositiveInfinity;
        foreach (var trial in trials.Where(IsRanked).OrderBy(t => t.Number))
        {
            var value = goal.ToMinimized(trial.ObjectiveValue!.Value);
            if (value < bestSoFar)
            {
                bestSoFar = value;
                kept.Add(trial.Id);
            }
        }

        foreach (var running in trials.Where(t => t.State == TrialState.Running).Take(max / 10))
        {
            kept.Add(running.Id);
        }

        Fill(trials, kept, max);
        return [.. trials.Where(t => kept.Contains(t.Id)).OrderBy(t => t.Number)];
    }

    /// <summary>
    /// The trials whose learning curves are drawn: the best, the running, and an even sample of the others that ran,
    /// at most <paramref name="max"/>; and how many could have been drawn.
    /// </summary>
    public static (IReadOnlyList<TrialRecord> Trials, int Candidates) ForCurves(IReadOnlyList<TrialRecord> trials, MetricGoal goal, int max)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var ran = trials.Where(t => t.StartedAt is not null).ToList();
        if (ran.Count <= max)
        {
            return (ran, ran.Count);
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var best in Ranked(ran, goal).Take(max / 4))
        {
            kept.Add(best.Id);
        }

        foreach (var running in ran.Where(t => t.State == TrialState.Running).Take(max / 4))
        {
            kept.Add(running.Id);
        }

        Fill(ran, kept, max);
        return ([.. ran.Where(t => kept.Contains(t.Id)).OrderBy(t => t.Number)], ran.Count);
    }

    private static bool IsRanked(TrialRecord t) => t.State == TrialState.Completed && t.ObjectiveValue is { } v && double.IsFinite(v);

    private static IEnumerable<TrialRecord> Ranked(IEnumerable<TrialRecord> trials, MetricGoal goal) =>
        trials.Where(IsRanked).OrderBy(t => goal.ToMinimized(t.ObjectiveValue!.Value)).ThenBy(t => t.Number);

    /// <summary>Tops <paramref name="kept"/> up to <paramref name="max"/> with an even, per-state proportional sample of the rest.</summary>
    private static void Fill(IReadOnlyList<TrialRecord> trials, HashSet<string> kept, int max)
    {
        var room = max - kept.Count;
        var rest = trials.Where(t => !kept.Contains(t.Id)).ToList();
        if (room <= 0 || rest.Count == 0)
        {
            return;
        }

        foreach (var group in rest.GroupBy(t => t.State))
        {
            var members = group.OrderBy(t => t.Number).ToList();
            var quota = Math.Min(members.Count, (int)Math.Round((double)room * members.Count / rest.Count, MidpointRounding.AwayFromZero));
            for (var k = 0; k < quota; k++)
            {
                // The middle of each of quota equal strata of the state's trials in number order.
                kept.Add(members[(int)((k + 0.5) * members.Count / quota)].Id);
            }
        }
    }
}
