using System.Globalization;
using AeSweep.Core.Search;
using AeSweep.Web.Dashboard.Analysis;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// Slice plots: one small chart per parameter with each trial's objective against that parameter's value (categorical
/// x for <c>values:</c> parameters, log x for log-scale ones), dots coloured by trial number (dark early, yellow late),
/// pruned trials hollow. All panels share the objective's y scale, so heights compare across parameters.
/// </summary>
public static class SliceLayout
{
    public const double Left = 52;
    public const double Right = 10;
    public const double Top = 10;
    public const double Bottom = 36;

    public static IReadOnlyList<SlicePanel> Build(
        IReadOnlyList<AnalysisTrial> trials,
        IReadOnlyList<string> parameters,
        IReadOnlyDictionary<string, IReadOnlyList<ParameterValue>> choices,
        Func<string, bool> isLog,
        string metricName,
        double width = 320,
        double height = 220)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(isLog);
        var y = ChartScale.Fit(trials.Select(t => t.Objective), height - Bottom, Top);
        var yTicks = y.Ticks(4).Select(t => (ChartScale.Format(t), y.Map(t))).ToList();
        var lastNumber = Math.Max(1, trials.Select(t => t.Number).DefaultIfEmpty(0).Max());
        var panels = new List<SlicePanel>();
        foreach (var name in parameters)
        {
            var values = trials.Select(t => t.Row.Parameter(name)).Where(v => v is not null).Select(v => v!.Value).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var axis = ParameterAxis.Of(name, values, choices.GetValueOrDefault(name), isLog(name));
            var plotWidth = width - Left - Right;
            double Px(double position) => Left + (position * plotWidth);
            var marks = new List<TrialMark>();
            foreach (var trial in trials)
            {
                if (axis.Position(trial.Row.Parameter(name)) is not { } position)
                {
                    continue;
                }

                // Spread dots within a category's band (deterministic, by trial number) so equal values do not hide each other.
                var jitter = axis.Categorical ? (((trial.Number * 0.618034) % 1) - 0.5) * 0.5 / axis.Categories.Count : 0;
                marks.Add(new TrialMark(
                    Px(position + jitter),
                    y.Map(trial.Objective),
                    trial.Id,
                    trial.Pruned,
                    ChartPalette.Sequential((double)trial.Number / lastNumber),
                    string.Create(CultureInfo.InvariantCulture, $"trial #{trial.Number}{(trial.Pruned ? " (pruned)" : "")}: {name}={trial.Row.ParameterText(name)}, {metricName} {MetricText.Format(metricName, trial.Objective)}")));
            }

            panels.Add(new SlicePanel(name, axis.Categorical, marks, [.. axis.Ticks.Select(t => (t.Label, Px(t.Position)))], yTicks, width, height));
        }

        return panels;
    }
}
