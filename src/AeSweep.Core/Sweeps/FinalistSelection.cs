using AeSweep.Core.Trials;

namespace AeSweep.Core.Sweeps;

/// <summary>
/// Which search trials become finalists (<c>finalize.top_k</c>): the best completed ones by the sweep's metric, ties
/// broken by the lower number, so the choice is the same every time it is made from the same trials (also after a
/// coordinator restart).
/// </summary>
public static class FinalistSelection
{
    /// <summary>The numbers of the <paramref name="topK"/> best completed trials with a finite value, best first.</summary>
    public static IReadOnlyList<int> Pick(IEnumerable<FrozenTrial> trials, MetricGoal goal, int topK)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        return
        [
            .. trials
                .Where(t => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v))
                .OrderBy(t => goal.ToMinimized(t.Value!.Value))
                .ThenBy(t => t.Number)
                .Take(topK)
                .Select(t => t.Number),
        ];
    }
}
