using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Web.Dashboard.Charts;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// Metric values as the dashboard shows them: a built-in metric with the catalog's format and unit (PSNR in dB, epoch
/// times in s), any other (a program's own) in the charts' general number format. Axis titles and durations come from
/// here too, so every chart and column says the same unit.
/// </summary>
public static class MetricText
{
    public static string Format(string metricName, double value) =>
        MetricCatalog.Find(metricName) is { } metric ? metric.Format(value, ChartScale.Format) : ChartScale.Format(value);

    /// <summary>Whether a larger value of the metric is better (the catalog's goal; a program's metric: no).</summary>
    public static bool HigherIsBetter(string metricName) => MetricCatalog.Find(metricName)?.Goal == Core.Trials.MetricGoal.Maximize;

    /// <summary>The catalog's unit of a metric (<c>dB</c>, <c>s</c>), or null for a plain number or a program's metric.</summary>
    public static string? Unit(string metricName) => MetricCatalog.Find(metricName)?.Unit;

    /// <summary>An axis title: the metric's name and its unit in parentheses when it has one, e.g. "val_psnr (dB)".</summary>
    public static string AxisTitle(string metricName) => Unit(metricName) is { } unit ? $"{metricName} ({unit})" : metricName;

    /// <summary>An axis title for several metrics on one axis (they share a unit): "val_mse, train_loss".</summary>
    public static string AxisTitle(IReadOnlyList<string> metricNames)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        return metricNames.Count == 1 ? AxisTitle(metricNames[0])
            : Unit(metricNames[0]) is { } unit ? $"{string.Join(", ", metricNames)} ({unit})" : string.Join(", ", metricNames);
    }

    /// <summary>A duration: seconds under a minute ("42.0 s"), m:ss under an hour, h:mm:ss beyond; "—" when unknown.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalHours: >= 1 } d => d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
        { TotalMinutes: >= 1 } d => d.ToString(@"m\:ss", CultureInfo.InvariantCulture),
        var d => d.Value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
    };
}
