using AeSweep.Web.Dashboard.Analysis;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// The empirical distribution function of the objective: for each value x, the fraction of trials whose value is
/// at most x, drawn as a staircase — one series per set of trials (completed, completed and pruned, or one per sweep).
/// </summary>
public static class EdfLayout
{
    /// <summary>
    /// The EDF's corners: one point per distinct value v (ascending) at height (trials ≤ v) / n, drawn with
    /// <see cref="SeriesStyle.Step"/> (across to the next value, then up). Non-finite values are left out.
    /// </summary>
    public static IReadOnlyList<ChartPoint> Steps(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToList();
        var points = new List<ChartPoint>();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i + 1 < sorted.Count && sorted[i + 1] == sorted[i])
            {
                continue;
            }

            points.Add(new ChartPoint(sorted[i], (double)(i + 1) / sorted.Count));
        }

        return points;
    }

    /// <summary>One staircase per named set of values, in the palette's colours.</summary>
    public static IReadOnlyList<ChartSeries> Series(IReadOnlyList<(string Label, IReadOnlyList<double> Values)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return [.. sets.Select((set, i) => new ChartSeries($"{set.Label} ({set.Values.Count})", Steps(set.Values), ChartPalette.Series(i), SeriesStyle.Step))];
    }

    /// <summary>The sweep page's sets: its completed trials, and with the pruned ones when any were pruned.</summary>
    public static IReadOnlyList<(string Label, IReadOnlyList<double> Values)> SweepSets(IReadOnlyList<AnalysisTrial> withPruned)
    {
        ArgumentNullException.ThrowIfNull(withPruned);
        var completed = withPruned.Where(t => !t.Pruned).Select(t => t.Objective).ToList();
        return withPruned.Any(t => t.Pruned)
            ? [("completed", completed), ("completed and pruned (last value)", [.. withPruned.Select(t => t.Objective)])]
            : [("completed", completed)];
    }
}
