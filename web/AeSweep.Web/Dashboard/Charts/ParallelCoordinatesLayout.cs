using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// Geometry of a parallel-coordinates plot: one vertical axis per parameter plus the objective on the right, one
/// polyline per trial coloured by its objective (best: yellow; pruned trials dashed). Numeric axes are linear or log;
/// a <c>values:</c> parameter gets a categorical axis with exactly its listed values as ticks, in the file's order;
/// other non-numeric parameters space their categories evenly. An axis where some trial lacks the parameter (a
/// conditional one) gets an "n/a" slot at its foot, so every line runs through every axis.
/// </summary>
public sealed class ParallelCoordinatesLayout
{
    public const double Top = 36;
    public const double Bottom = 28;
    public const double Left = 56;
    public const double Right = 72;

    /// <summary>The label of the slot for trials that lack a conditional parameter.</summary>
    public const string NotApplicable = "n/a";

    /// <summary>Pixels between an axis's values and its n/a slot.</summary>
    public const double NotApplicableGap = 30;

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
    public sealed record Axis(string Name, double X, IReadOnlyList<(string Label, double Y)> Ticks, bool Categorical)
    {
        /// <summary>The numeric scale (null on a categorical axis): brushing turns a dragged pixel range into values with it.</summary>
        public ChartScale? Scale { get; init; }

        /// <summary>The y of the n/a slot, or null when every trial has the parameter.</summary>
        public double? NotApplicableY { get; init; }

        /// <summary>The y of each category (and of n/a) on this axis.</summary>
        public IReadOnlyDictionary<string, double> Slots { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);
    }

    /// <summary>Where a trial crosses an axis: a number on a numeric axis, else a category (or n/a).</summary>
    public readonly record struct AxisValue(double? Number, string? Category);

    /// <summary>A trial's polyline (null y only where a value cannot be placed), its colour and link.</summary>
    public sealed record Line(int Number, string TrialId, IReadOnlyList<(double X, double? Y)> Points, string Color, string Tooltip)
    {
        /// <summary>A pruned trial (its last reported value): drawn dashed.</summary>
        public bool Pruned { get; init; }

        /// <summary>The trial's value on each axis, in axis order (brushing matches on these).</summary>
        public IReadOnlyList<AxisValue> Values { get; init; } = [];
    }

    public sealed record Trial(int Number, string TrialId, IReadOnlyDictionary<string, ParameterValue> Parameters, double Objective)
    {
        public bool Pruned { get; init; }
    }

    public static ParallelCoordinatesLayout Build(
        IReadOnlyList<Trial> trials,
        IReadOnlyList<string> parameters,
        string objectiveName,
        MetricGoal goal,
        Func<string, bool> isLog,
        double width = 1000,
        double height = 360,
        IReadOnlyDictionary<string, IReadOnlyList<ParameterValue>>? choices = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(isLog);
        var axisCount = parameters.Count + 1;
        var spacing = axisCount > 1 ? (width - Left - Right) / (axisCount - 1) : 0;
        var foot = height - Bottom;
        var axes = new List<Axis>();
        var mappers = new List<Func<Trial, (double? Y, AxisValue Value)>>();
        for (var a = 0; a < parameters.Count; a++)
        {
            var name = parameters[a];
            var x = Left + (a * spacing);
            var values = trials.Select(t => t.Parameters.TryGetValue(name, out var v) ? v : (ParameterValue?)null).Where(v => v is not null).Select(v => v!.Value).ToList();
            var missing = trials.Any(t => !t.Parameters.ContainsKey(name));
            var bottom = missing ? foot - NotApplicableGap : foot;
            double? naY = missing ? foot : null;
            var listed = choices?.GetValueOrDefault(name);
            if (listed is null && values.Count > 0 && values.All(v => v.IsNumeric))
            {
                var log = isLog(name) && values.All(v => v.AsDouble() > 0);
                var scale = ChartScale.Fit(values.Select(v => v.AsDouble()), bottom, Top, log);
                var ticks = AxisTicks(scale, values).Select(t => (ChartScale.Format(t), scale.Map(t))).ToList();
                var slots = new Dictionary<string, double>(StringComparer.Ordinal);
                if (naY is { } na)
                {
                    ticks.Add((NotApplicable, na));
                    slots[NotApplicable] = na;
                }

                axes.Add(new Axis(name, x, ticks, false) { Scale = scale, NotApplicableY = naY, Slots = slots });
                mappers.Add(t => t.Parameters.TryGetValue(name, out var v) && v.IsNumeric
                    ? (scale.Map(v.AsDouble()), new AxisValue(v.AsDouble(), null))
                    : (naY, new AxisValue(null, NotApplicable)));
            }
            else
            {
                // Listed values keep the file's order (and appear even before a trial used them); a value outside the
                // list (an enqueued or imported trial) is appended rather than dropped.
                IReadOnlyList<string> categories = listed is not null
                    ? [.. listed.Select(v => v.AsString()).Concat(values.Select(v => v.AsString())).Distinct(StringComparer.Ordinal)]
                    : [.. values.Distinct().Order().Select(v => v.AsString())];
                var positions = new Dictionary<string, double>(Categorical(categories, bottom, Top), StringComparer.Ordinal);
                var ticks = categories.Select(c => (c, positions[c])).ToList();
                if (naY is { } na)
                {
                    ticks.Add((NotApplicable, na));
                    positions[NotApplicable] = na;
                }

                axes.Add(new Axis(name, x, ticks, true) { NotApplicableY = naY, Slots = positions });
                mappers.Add(t => t.Parameters.TryGetValue(name, out var v) && positions.TryGetValue(v.AsString(), out var y)
                    ? (y, new AxisValue(null, v.AsString()))
                    : (naY, new AxisValue(null, NotApplicable)));
            }
        }

        var objectives = trials.Select(t => t.Objective).Where(double.IsFinite).ToList();
        var objectiveScale = ChartScale.Fit(objectives, foot, Top);
        var objectiveX = Left + (parameters.Count * spacing);
        axes.Add(new Axis(objectiveName, objectiveX, [.. objectiveScale.Ticks(4).Select(t => (ChartScale.Format(t), objectiveScale.Map(t)))], false) { Scale = objectiveScale });
        var (lo, hi) = objectives.Count > 0 ? (objectives.Min(), objectives.Max()) : (0, 1);
        var lines = new List<Line>();
        // Worst first, so the best lines are drawn last, on top.
        foreach (var trial in trials.Where(t => double.IsFinite(t.Objective)).OrderByDescending(t => goal.ToMinimized(t.Objective)))
        {
            var points = new List<(double, double?)>();
            var crossings = new List<AxisValue>();
            for (var a = 0; a < parameters.Count; a++)
            {
                var (y, value) = mappers[a](trial);
                points.Add((axes[a].X, y));
                crossings.Add(value);
            }

            points.Add((objectiveX, objectiveScale.Map(trial.Objective)));
            crossings.Add(new AxisValue(trial.Objective, null));
            var quality = hi > lo ? (trial.Objective - lo) / (hi - lo) : 1;
            var color = ChartPalette.Sequential(goal == MetricGoal.Minimize ? 1 - quality : quality);
            var tooltip = $"trial #{trial.Number}{(trial.Pruned ? " (pruned, last reported)" : "")}: {objectiveName} {MetricText.Format(objectiveName, trial.Objective)}";
            lines.Add(new Line(trial.Number, trial.TrialId, points, color, tooltip) { Pruned = trial.Pruned, Values = crossings });
        }

        return new ParallelCoordinatesLayout(axes, lines, width, height);
    }

    /// <summary>Round ticks; for integer parameters only whole ones, and the values themselves when round ticks would be too few.</summary>
    public static IReadOnlyList<double> AxisTicks(ChartScale scale, IReadOnlyList<ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(values);
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
        ArgumentNullException.ThrowIfNull(categories);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            result[categories[i]] = categories.Count == 1 ? (bottom + top) / 2 : bottom + ((top - bottom) * i / (categories.Count - 1));
        }

        return result;
    }

    /// <summary>The data value at pixel <paramref name="pixel"/> of a numeric scale (the inverse of <see cref="ChartScale.Map"/>).</summary>
    public static double Invert(ChartScale scale, double pixel)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var t = scale.RangeMax - scale.RangeMin == 0 ? 0.5 : (pixel - scale.RangeMin) / (scale.RangeMax - scale.RangeMin);
        return scale.Log
            ? Math.Pow(10, Math.Log10(scale.DomainMin) + (t * (Math.Log10(scale.DomainMax) - Math.Log10(scale.DomainMin))))
            : scale.DomainMin + (t * (scale.DomainMax - scale.DomainMin));
    }

    /// <summary>SVG path data for a line, lifting the pen across missing values.</summary>
    public static string PathOf(Line line)
    {
        ArgumentNullException.ThrowIfNull(line);
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
