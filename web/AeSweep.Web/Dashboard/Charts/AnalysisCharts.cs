using System.Globalization;
using AeSweep.Application.Views;
using AeSweep.Core.Trials;
using AeSweep.Web.Dashboard.Analysis;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// The history and learning-curve series when pruned trials and several metrics take part: completed trials as
/// filled dots, pruned ones hollow, the best so far as a staircase over completed trials, and one chart per unit
/// when the chosen metrics do not share one.
/// </summary>
public static class AnalysisCharts
{
    /// <summary>Legend of the objective history: filled, hollow, staircase.</summary>
    public static IReadOnlyList<(string Label, string Color, bool Dashed)> HistoryLegend(bool withPruned) => withPruned
        ? [("completed trial", SweepCharts.CompletedColor, false), ("pruned trial (hollow: last reported value)", SweepCharts.PrunedColor, true), ("best so far", SweepCharts.BestColor, false)]
        : [("completed trial", SweepCharts.CompletedColor, false), ("best so far", SweepCharts.BestColor, false)];

    /// <summary>
    /// The objective by trial number: completed trials (filled), pruned trials (hollow, their last reported value),
    /// and the best so far among completed trials — a pruned trial's value is from fewer epochs, so it never sets the best.
    /// </summary>
    public static IReadOnlyList<ChartSeries> History(IReadOnlyList<AnalysisTrial> trials, MetricGoal goal, string metricName)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var ordered = trials.OrderBy(t => t.Number).ToList();
        var completed = ordered.Where(t => !t.Pruned).ToList();
        var pruned = ordered.Where(t => t.Pruned).ToList();
        var series = new List<ChartSeries>
        {
            Dots("completed trial", completed, t => t.Objective, metricName, SweepCharts.CompletedColor),
            new("best so far", SweepCharts.BestSoFar(completed.Select(t => new ChartPoint(t.Number, t.Objective)), goal), SweepCharts.BestColor, SeriesStyle.Step),
        };
        if (pruned.Count > 0)
        {
            series.Insert(1, Dots("pruned trial", pruned, t => t.Objective, metricName, SweepCharts.PrunedColor) with { Hollow = true });
        }

        return series;
    }

    /// <summary>
    /// Further metrics by trial number (each trial's final value, or its last epoch's): one series of dots per metric in
    /// the palette's colours, pruned trials hollow.
    /// </summary>
    public static IReadOnlyList<ChartSeries> MetricHistory(IReadOnlyList<AnalysisTrial> trials, IReadOnlyList<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(metrics);
        var series = new List<ChartSeries>();
        for (var m = 0; m < metrics.Count; m++)
        {
            var metric = metrics[m];
            var color = MetricColor(m);
            var having = trials.Where(t => t.Row.Metric(metric) is not null).OrderBy(t => t.Number).ToList();
            series.Add(Dots(metric, [.. having.Where(t => !t.Pruned)], t => t.Row.Metric(metric)!.Value, metric, color));
            if (having.Any(t => t.Pruned))
            {
                series.Add(Dots($"{metric} (pruned)", [.. having.Where(t => t.Pruned)], t => t.Row.Metric(metric)!.Value, metric, color) with { Hollow = true });
            }
        }

        return series;
    }

    /// <summary>
    /// Learning curves of several metrics on one chart: a line per trial per metric, coloured by metric, pruned trials
    /// dashed and dimmed. With one metric the per-trial colouring of <see cref="SweepCharts.LearningCurves"/> applies.
    /// </summary>
    public static IReadOnlyList<ChartSeries> LearningCurves(
        IEnumerable<LeaderboardRow> rows, IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> epochs, IReadOnlyList<string> metrics, bool includePruned)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metrics);
        var shown = rows.Where(r => includePruned || r.State != TrialState.Pruned).ToList();
        if (metrics.Count == 1)
        {
            return SweepCharts.LearningCurves(shown, epochs, metrics[0]);
        }

        var series = new List<ChartSeries>();
        for (var m = 0; m < metrics.Count; m++)
        {
            foreach (var line in SweepCharts.LearningCurves(shown, epochs, metrics[m]))
            {
                var pruned = line.Label.EndsWith("(pruned)", StringComparison.Ordinal);
                series.Add(line with
                {
                    Label = $"{metrics[m]} {line.Label}",
                    Color = MetricColor(m),
                    Style = pruned || line.Style == SeriesStyle.DashedLine ? SeriesStyle.DashedLine : SeriesStyle.Line,
                });
            }
        }

        return series;
    }

    /// <summary>Legend for several metrics on one chart: a colour per metric, and the dashed pruned line when shown.</summary>
    public static IReadOnlyList<(string Label, string Color, bool Dashed)> MetricLegend(IReadOnlyList<string> metrics, bool withPruned)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var legend = metrics.Select((m, i) => (m, MetricColor(i), false)).ToList();
        if (withPruned)
        {
            legend.Add(("pruned trial (dashed / hollow)", "#9e9e9e", true));
        }

        return legend;
    }

    /// <summary>
    /// The chosen metrics grouped by unit (catalog order kept): metrics that share a unit share a chart's y axis
    /// (train_loss with val_mse), others get their own chart (val_psnr in dB).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> UnitGroups(IReadOnlyList<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return [.. metrics.GroupBy(m => MetricText.Unit(m) ?? "").Select(g => (IReadOnlyList<string>)[.. g])];
    }

    /// <summary>The final metrics the trials report (what the history's metric chooser offers), the sweep's metric first.</summary>
    public static IReadOnlyList<string> FinalMetricNames(IReadOnlyList<AnalysisTrial> trials, string first)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return [.. trials.SelectMany(t => t.Row.Metrics.Keys).Append(first).Distinct(StringComparer.Ordinal)
            .OrderBy(name => name == first ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal)];
    }

    // Metric colours avoid the state colours (orange pruned, green running, red best so far).
    private static readonly string[] MetricColors = ["#4e79a7", "#b07aa1", "#76b7b2", "#9c755f", "#ff9da7", "#edc948"];

    private static string MetricColor(int index) => MetricColors[index % MetricColors.Length];

    private static ChartSeries Dots(string label, IReadOnlyList<AnalysisTrial> trials, Func<AnalysisTrial, double> value, string metric, string color) =>
        new(label, [.. trials.Select(t => new ChartPoint(t.Number, value(t)))], color, SeriesStyle.Points)
        {
            PointLinks = [.. trials.Select(t => ($"/trials/{t.Id}", string.Create(CultureInfo.InvariantCulture, $"trial #{t.Number}{(t.Pruned ? " (pruned, last reported)" : "")}: {metric} {MetricText.Format(metric, value(t))}")))],
        };
}
