using System.Globalization;
using AeSweep.Application.Contracts;
using AeSweep.Core.Catalog;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// The Pareto front chart of a multi-objective sweep: two objectives on the axes (code size across and the other
/// objective up when code size is one — rate against distortion; otherwise the second objective across and the first
/// up), every completed trial as a grey dot, the front as red dots joined by its staircase, and — when the axes are
/// code size and val_mse — the PCA baseline's validation MSE at each code size as a dashed line, so the chart shows at
/// which code sizes the autoencoders beat linear compression.
/// </summary>
public static class ParetoChart
{
    public const string TrialColor = "#bab0ac";
    public const string FrontColor = "#e15759";
    public const string PcaColor = "#4e79a7";

    /// <summary>The objectives on the x and y axes.</summary>
    public static (ParetoObjectiveView X, ParetoObjectiveView Y) Axes(ParetoFrontView front)
    {
        ArgumentNullException.ThrowIfNull(front);
        var objectives = front.Objectives;
        if (objectives.FirstOrDefault(o => o.Name == ParameterNames.CodeSize) is { } codeSize)
        {
            return (codeSize, objectives.First(o => o.Name != ParameterNames.CodeSize));
        }

        return (objectives[1], objectives[0]);
    }

    /// <summary>Whether the chart shows the PCA curve: code size across, val_mse up, and a baseline measured.</summary>
    public static bool ShowsPca(ParetoFrontView front)
    {
        var (x, y) = Axes(front);
        return x.Name == ParameterNames.CodeSize && y.Name == MetricNames.ValidationMse && front.PcaCurve.Count > 0;
    }

    /// <summary>The series: completed trials, the front (staircase and dots), and the PCA curve where it applies.</summary>
    /// <param name="front">The front.</param>
    /// <param name="completed">Every completed trial's id, number and final metrics (objectives among them).</param>
    public static IReadOnlyList<ChartSeries> Series(ParetoFrontView front, IReadOnlyList<(string Id, int Number, IReadOnlyDictionary<string, double> Metrics)> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        var (x, y) = Axes(front);
        var onFront = front.Trials.Select(t => t.TrialId).ToHashSet(StringComparer.Ordinal);
        var others = completed
            .Where(t => !onFront.Contains(t.Id) && t.Metrics.ContainsKey(x.Name) && t.Metrics.ContainsKey(y.Name))
            .ToList();
        var series = new List<ChartSeries>
        {
            new("completed trial", [.. others.Select(t => new ChartPoint(t.Metrics[x.Name], t.Metrics[y.Name]))], TrialColor, SeriesStyle.Points)
            {
                PointLinks = [.. others.Select(t => ($"/trials/{t.Id}", Tooltip(t.Number, x, y, t.Metrics)))],
            },
        };

        // In the chart's two objectives the front is sorted along x; with a third objective some front trials may look
        // dominated here, so the staircase joins only the trials non-dominated in the two shown.
        var points = front.Trials
            .Where(t => t.Metrics.ContainsKey(x.Name) && t.Metrics.ContainsKey(y.Name))
            .OrderBy(t => t.Metrics[x.Name]).ThenBy(t => t.Metrics[y.Name])
            .ToList();
        if (ShowsPca(front))
        {
            series.Add(new ChartSeries("PCA at the same code size", [.. front.PcaCurve.Select(p => new ChartPoint(p.CodeSize, p.PcaValMse))], PcaColor, SeriesStyle.DashedLine));
        }

        if (front.Objectives.Count == 2 && y.Goal == "minimize" && x.Goal == "minimize")
        {
            series.Add(new ChartSeries("Pareto front", [.. points.Select(t => new ChartPoint(t.Metrics[x.Name], t.Metrics[y.Name]))], FrontColor, SeriesStyle.Step));
        }

        series.Add(new ChartSeries("Pareto-optimal trial", [.. points.Select(t => new ChartPoint(t.Metrics[x.Name], t.Metrics[y.Name]))], FrontColor, SeriesStyle.Points)
        {
            PointLinks = [.. points.Select(t => ($"/trials/{t.TrialId}", Tooltip(t.Number, x, y, t.Metrics)))],
        });
        return series;
    }

    /// <summary>The legend: grey trials, the red front, the dashed PCA curve where shown.</summary>
    public static IReadOnlyList<(string Label, string Color, bool Dashed)> Legend(ParetoFrontView front) =>
        ShowsPca(front)
            ? [("completed trial", TrialColor, false), ("Pareto front", FrontColor, false), ("PCA (linear) at each code size", PcaColor, true)]
            : [("completed trial", TrialColor, false), ("Pareto front", FrontColor, false)];

    private static string Tooltip(int number, ParetoObjectiveView x, ParetoObjectiveView y, IReadOnlyDictionary<string, double> metrics) =>
        string.Create(CultureInfo.InvariantCulture, $"trial #{number}: {x.Name} {ChartScale.Format(metrics[x.Name])}, {y.Name} {ChartScale.Format(metrics[y.Name])}");
}
