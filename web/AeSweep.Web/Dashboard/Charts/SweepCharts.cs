using System.Globalization;
using AeSweep.Core.Trials;
using AeSweep.Application.Views;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>The series of the sweep page's line charts, built from a <see cref="SweepBoard"/>.</summary>
public static class SweepCharts
{
    public const string CompletedColor = "#4e79a7";
    public const string BestColor = "#e15759";
    public const string PrunedColor = "#f28e2b";
    public const string RunningColor = "#59a14f";

    /// <summary>
    /// Objective per trial number for completed trials (dots, linked to the trial page) and the best value so far (a
    /// staircase in trial-number order).
    /// </summary>
    public static IReadOnlyList<ChartSeries> OptimizationHistory(IReadOnlyList<LeaderboardRow> rows, MetricGoal goal, string metricName)
    {
        var completed = rows.Where(r => r.State == TrialState.Completed && r.Trial.ObjectiveValue is { } v && double.IsFinite(v)).OrderBy(r => r.Number).ToList();
        var points = completed.Select(r => new ChartPoint(r.Number, r.Trial.ObjectiveValue!.Value)).ToList();
        var links = completed.Select(r => ($"/trials/{r.Id}", $"trial #{r.Number}: {metricName} {ChartScale.Format(r.Trial.ObjectiveValue!.Value)}")).ToList();
        var best = BestSoFar(points, goal);
        return
        [
            new ChartSeries("trials", points, CompletedColor, SeriesStyle.Points) { PointLinks = links },
            new ChartSeries("best so far", best, BestColor, SeriesStyle.Step),
        ];
    }

    /// <summary>The running best of <paramref name="points"/> in x order, one point per input point.</summary>
    public static IReadOnlyList<ChartPoint> BestSoFar(IEnumerable<ChartPoint> points, MetricGoal goal)
    {
        var result = new List<ChartPoint>();
        var best = goal.Worst();
        foreach (var point in points.OrderBy(p => p.X))
        {
            if (goal.IsBetter(point.Y, best))
            {
                best = point.Y;
            }

            result.Add(point with { Y = best });
        }

        return result;
    }

    /// <summary>
    /// One line per trial with <paramref name="metric"/> per epoch: completed trials in the palette's colours, running
    /// trials green, pruned trials orange and dashed, failed and cancelled ones grey and dimmed.
    /// </summary>
    public static IReadOnlyList<ChartSeries> LearningCurves(IEnumerable<LeaderboardRow> rows, IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> epochs, string metric)
    {
        var series = new List<ChartSeries>();
        foreach (var row in rows.OrderBy(r => r.Number))
        {
            var points = (epochs.GetValueOrDefault(row.Id) ?? [])
                .Where(e => e.Metrics.ContainsKey(metric))
                .Select(e => new ChartPoint(e.Epoch, e.Metrics[metric]))
                .ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var (color, style, dimmed) = row.State switch
            {
                TrialState.Pruned => (PrunedColor, SeriesStyle.DashedLine, true),
                TrialState.Running or TrialState.Pending => (RunningColor, SeriesStyle.Line, false),
                TrialState.Failed or TrialState.Cancelled => ("#9e9e9e", SeriesStyle.DashedLine, true),
                _ => (ChartPalette.CompletedTrial(row.Number), SeriesStyle.Line, false),
            };
            series.Add(new ChartSeries($"#{row.Number.ToString(CultureInfo.InvariantCulture)} ({row.StateName.ToLowerInvariant()})", points, color, style, $"/trials/{row.Id}") { Dimmed = dimmed });
        }

        return series;
    }

    /// <summary>Metrics present in the epochs, the sweep's ranking metric first (what a learning-curve chart can plot).</summary>
    public static IReadOnlyList<string> EpochMetricNames(IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> epochs, string first) =>
        [.. epochs.Values.SelectMany(list => list).SelectMany(e => e.Metrics.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(name => name == first ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal)];
}
