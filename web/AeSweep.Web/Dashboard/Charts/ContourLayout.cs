using System.Globalization;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Web.Dashboard.Analysis;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// A contour plot of the objective over two parameters: a grid of cells whose values are interpolated from the
/// trials by inverse-distance weighting (power 2) in the axes' [0, 1] coordinates — categories as bands, log
/// parameters on their log scale — coloured on viridis with the better end yellow, the trials drawn on top (pruned
/// hollow), and a colour scale legend on the right. With few trials this is a sketch of where good values lie, not a fit.
/// </summary>
public sealed class ContourLayout
{
    public const double Left = 56;
    public const double Right = 96;
    public const double Top = 10;
    public const double Bottom = 40;

    /// <summary>Inverse-distance weighting's power: 2, the usual choice (nearer trials dominate, far ones still count).</summary>
    public const double Power = 2;

    private ContourLayout()
    {
    }

    public string XName { get; private init; } = "";

    public string YName { get; private init; } = "";

    public IReadOnlyList<ContourCell> Cells { get; private init; } = [];

    public IReadOnlyList<TrialMark> Marks { get; private init; } = [];

    public IReadOnlyList<(string Label, double X)> XTicks { get; private init; } = [];

    public IReadOnlyList<(string Label, double Y)> YTicks { get; private init; } = [];

    /// <summary>The colour scale, bottom to top: (value, colour, y) stops; the better end on top.</summary>
    public IReadOnlyList<(double Value, string Color, double Y)> Legend { get; private init; } = [];

    public double Width { get; private init; }

    public double Height { get; private init; }

    /// <summary>The plotted area's pixel bounds.</summary>
    public (double Left, double Top, double Right, double Bottom) Plot => (Left, Top, Width - Right, Height - Bottom);

    /// <summary>Trials with both parameters, on a <paramref name="resolution"/> × <paramref name="resolution"/> grid (null below 2 trials).</summary>
    public static ContourLayout? Build(
        IReadOnlyList<AnalysisTrial> trials,
        string xName,
        string yName,
        IReadOnlyDictionary<string, IReadOnlyList<ParameterValue>> choices,
        Func<string, bool> isLog,
        MetricGoal goal,
        string metricName,
        int resolution = 24,
        double width = 640,
        double height = 400)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(isLog);
        resolution = Math.Clamp(resolution, 2, 100);
        var usable = trials.Where(t => t.Row.Parameter(xName) is not null && t.Row.Parameter(yName) is not null && double.IsFinite(t.Objective)).ToList();
        if (usable.Count < 2 || xName == yName)
        {
            return null;
        }

        var xAxis = ParameterAxis.Of(xName, usable.Select(t => t.Row.Parameter(xName)!.Value), choices.GetValueOrDefault(xName), isLog(xName));
        var yAxis = ParameterAxis.Of(yName, usable.Select(t => t.Row.Parameter(yName)!.Value), choices.GetValueOrDefault(yName), isLog(yName));
        var samples = usable
            .Select(t => (X: xAxis.Position(t.Row.Parameter(xName)), Y: yAxis.Position(t.Row.Parameter(yName)), Trial: t))
            .Where(s => s.X is not null && s.Y is not null)
            .Select(s => (X: s.X!.Value, Y: s.Y!.Value, s.Trial))
            .ToList();
        if (samples.Count < 2)
        {
            return null;
        }

        var (left, top, right, bottom) = (Left, Top, width - Right, height - Bottom);
        double Px(double u) => left + (u * (right - left));
        double Py(double v) => bottom - (v * (bottom - top));
        var (lo, hi) = (samples.Min(s => s.Trial.Objective), samples.Max(s => s.Trial.Objective));
        string ColorOf(double value) => ChartPalette.Sequential(Quality(value, lo, hi, goal));
        var points = samples.Select(s => (s.X, s.Y, V: s.Trial.Objective)).ToList();
        var cells = new List<ContourCell>(resolution * resolution);
        var cellWidth = (right - left) / resolution;
        var cellHeight = (bottom - top) / resolution;
        for (var i = 0; i < resolution; i++)
        {
            for (var j = 0; j < resolution; j++)
            {
                var value = Interpolate(points, (i + 0.5) / resolution, (j + 0.5) / resolution);
                cells.Add(new ContourCell(left + (i * cellWidth), bottom - ((j + 1) * cellHeight), cellWidth, cellHeight, value, ColorOf(value)));
            }
        }

        var marks = samples.Select(s => new TrialMark(
            Px(s.X), Py(s.Y), s.Trial.Id, s.Trial.Pruned, ColorOf(s.Trial.Objective),
            string.Create(CultureInfo.InvariantCulture, $"trial #{s.Trial.Number}{(s.Trial.Pruned ? " (pruned)" : "")}: {xName}={s.Trial.Row.ParameterText(xName)}, {yName}={s.Trial.Row.ParameterText(yName)}, {metricName} {MetricText.Format(metricName, s.Trial.Objective)}"))).ToList();
        const int Stops = 6;
        var legend = Enumerable.Range(0, Stops).Select(k =>
        {
            // Bottom stop: the worse end; top stop: the better end.
            var quality = (double)k / (Stops - 1);
            var value = goal == MetricGoal.Minimize ? hi - (quality * (hi - lo)) : lo + (quality * (hi - lo));
            return (value, ChartPalette.Sequential(quality), bottom - (quality * (bottom - top)));
        }).ToList();
        return new ContourLayout
        {
            XName = xName,
            YName = yName,
            Cells = cells,
            Marks = marks,
            XTicks = [.. xAxis.Ticks.Select(t => (t.Label, Px(t.Position)))],
            YTicks = [.. yAxis.Ticks.Select(t => (t.Label, Py(t.Position)))],
            Legend = legend,
            Width = width,
            Height = height,
        };
    }

    /// <summary>
    /// Inverse-distance-weighted value at (<paramref name="x"/>, <paramref name="y"/>): Σ wᵢ vᵢ / Σ wᵢ with
    /// wᵢ = 1 / dᵢ^<see cref="Power"/>; at a sample's own position (d ≈ 0) the mean of the samples there.
    /// </summary>
    public static double Interpolate(IReadOnlyList<(double X, double Y, double V)> samples, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(samples);
        double weighted = 0, total = 0, exactSum = 0;
        var exact = 0;
        foreach (var (sx, sy, v) in samples)
        {
            var d2 = ((sx - x) * (sx - x)) + ((sy - y) * (sy - y));
            if (d2 < 1e-18)
            {
                exactSum += v;
                exact++;
                continue;
            }

            var w = 1 / Math.Pow(d2, Power / 2);
            weighted += w * v;
            total += w;
        }

        return exact > 0 ? exactSum / exact : total > 0 ? weighted / total : double.NaN;
    }

    /// <summary>0 for the worst value, 1 for the best.</summary>
    private static double Quality(double value, double lo, double hi, MetricGoal goal)
    {
        var t = hi > lo ? (value - lo) / (hi - lo) : 1;
        return goal == MetricGoal.Minimize ? 1 - t : t;
    }
}
