using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// Geometry of a parallel-coordinates plot: one vertical axis per parameter plus the objective on the right, one
/// polyline per trial coloured by its objective (best: yellow). Numeric axes are linear or log; categorical axes
/// space their categories evenly. A trial without a parameter (a conditional one) skips that axis.
/// </summary>
public sealed class ParallelCoordinatesLayout
{
    public const double Top = 36;
    public const double Bottom = 28;
    public const double Left = 56;
    public const double Right = 72;

    private ParallelCoordinatesLayout(IReadOnlyList<Axis> axes, IReadOnlyList<Line> lines, double width, double height)
    {
        Axes = axes;
        Lines = lines;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<Axis> Axes { get; }

    public IReadOnlyList<Line> Lines { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>An axis: its x, its name and tick labels with their y.</summary>
    public sealed record Axis(string Name, double X, IReadOnlyList<(string Label, double Y)> Ticks, bool Categorical);

    /// <summary>A trial's polyline (null y where the trial lacks the parameter), its colour and link.</summary>
    public sealed record Line(int Number, string TrialId, IReadOnlyList<(double X, double? Y)> Points, string Color, string Tooltip);

    public sealed record Trial(int Number, string TrialId, IReadOnlyDictionary<string, ParameterValue> Parameters, double Objective);

    public static ParallelCoordinatesLayout Build(
        IReadOnlyList<Trial> trials, IReadOnlyList<string> parameters, string objectiveName, MetricGoal goal, Func<string, bool> isLog, double width = 1000, double height = 360)
    {
        var axisCount = parameters.Count + 1;
        var spacing = axisCount > 1 ? (width - Left - Right) / (axisCount - 1) : 0;
        var yRange = (Bottom: height - Bottom, Top);
        var axes = new List<Axis>();
        var mappers = new List<Func<Trial, double?>>();
        for (var a = 0; a < parameters.Count; a++)
        {
            var name = parameters[a];
            var x = Left + (a * spacing);
            var values = trials.Select(t => t.Parameters.TryGetValue(name, out var v) ? v : (ParameterValue?)null).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (values.Count > 0 && values.All(v => v.IsNumeric))
            {
                var log = isLog(name) && values.All(v => v.AsDouble() > 0);
                var scale = ChartScale.Fit(values.Select(v => v.AsDouble()), yRange.Bottom, yRange.Top, log);
                axes.Add(new Axis(name, x, [.. AxisTicks(scale, values).Select(t => (ChartScale.Format(t), scale.Map(t)))], false));
                mappers.Add(t => t.Parameters.TryGetValue(name, out var v) && v.IsNumeric ? scale.Map(v.AsDouble()) : null);
            }
            else
            {
                var categories = values.Distinct().OrderBy(v => v).Select(v => v.AsString()).ToList();
                var positions = Categorical(categories, yRange.Bottom, yRange.Top);
                axes.Add(new Axis(name, x, [.. categories.Select(c => (c, positions[c]))], true));
                mappers.Add(t => t.Parameters.TryGetValue(name, out var v) && positions.TryGetValue(v.AsString(), out var y) ? y : null);
            }
        }

        var objectives = trials.Select(t => t.Objective).Where(double.IsFinite).ToList();
        var objectiveScale = ChartScale.Fit(objectives, yRange.Bottom, yRange.Top);
        var objectiveX = Left + (parameters.Count * spacing);
        axes.Add(new Axis(objectiveName, objectiveX, [.. objectiveScale.Ticks(4).Select(t => (ChartScale.Format(t), objectiveScale.Map(t)))], false));
        var (lo, hi) = objectives.Count > 0 ? (objectives.Min(), objectives.Max()) : (0, 1);
        var lines = new List<Line>();
        // Worst first, so the best lines are drawn last, on top.
        foreach (var trial in trials.Where(t => double.IsFinite(t.Objective)).OrderByDescending(t => goal.ToMinimized(t.Objective)))
        {
            var points = new List<(double, double?)>();
            for (var a = 0; a < parameters.Count; a++)
            {
                points.Add((axes[a].X, mappers[a](trial)));
            }

            points.Add((objectiveX, objectiveScale.Map(trial.Objective)));
            var quality = hi > lo ? (trial.Objective - lo) / (hi - lo) : 1;
            var color = ChartPalette.Sequential(goal == MetricGoal.Minimize ? 1 - quality : quality);
            lines.Add(new Line(trial.Number, trial.TrialId, points, color, $"trial #{trial.Number}: {objectiveName} {ChartScale.Format(trial.Objective)}"));
        }

        return new ParallelCoordinatesLayout(axes, lines, width, height);
    }

    /// <summary>Round ticks; for integer parameters only whole ones, and the values themselves when round ticks would be too few.</summary>
    public static IReadOnlyList<double> AxisTicks(ChartScale scale, IReadOnlyList<ParameterValue> values)
    {
        var ticks = scale.Ticks(4);
        if (!values.All(v => v.Kind == ParameterValueKind.Integer))
        {
            return ticks;
        }

        var whole = ticks.Where(t => Math.Abs(t - Math.Round(t)) < 1e-9).ToList();
        return whole.Count >= 2 ? whole : [.. values.Select(v => v.AsDouble()).Distinct().Order()];
    }

    /// <summary>Evenly spaced positions for categories, bottom to top; one category sits in the middle.</summary>
    public static IReadOnlyDictionary<string, double> Categorical(IReadOnlyList<string> categories, double bottom, double top)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            result[categories[i]] = categories.Count == 1 ? (bottom + top) / 2 : bottom + ((top - bottom) * i / (categories.Count - 1));
        }

        return result;
    }

    /// <summary>SVG path data for a line, lifting the pen across missing values.</summary>
    public static string PathOf(Line line)
    {
        var builder = new System.Text.StringBuilder();
        var pen = 'M';
        foreach (var (x, y) in line.Points)
        {
            if (y is not { } py)
            {
                pen = 'M';
                continue;
            }

            builder.Append(pen).Append(SvgPaths.Px(x)).Append(' ').Append(SvgPaths.Px(py)).Append(' ');
            pen = 'L';
        }

        return builder.ToString().TrimEnd();
    }
}
