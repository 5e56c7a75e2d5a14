using AeSweep.Core.Catalog;
using AeSweep.Web.Dashboard.Charts;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// Metric values as the dashboard shows them: a built-in metric with the catalog's format and unit (PSNR in dB, epoch
/// times in s), any other (a program's own) in the charts' general number format.
/// </summary>
public static class MetricText
{
    public static string Format(string metricName, double value) =>
        MetricCatalog.Find(metricName) is { } metric ? metric.Format(value, ChartScale.Format) : ChartScale.Format(value);

    /// <summary>A trial's duration: seconds under a minute ("42 s"), then m:ss, then h:mm:ss; "—" when unknown.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalMinutes: < 1 } d => $"{Math.Max(0, d.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s",
        { TotalHours: >= 1 } d => d.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture),
        var d => d.Value.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Whether a larger value of the metric is better (the catalog's goal; a program's metric: no).</summary>
    public static bool HigherIsBetter(string metricName) => MetricCatalog.Find(metricName)?.Goal == Core.Trials.MetricGoal.Maximize;
}
