namespace AeSweep.Web.Dashboard.Charts;

/// <summary>One data point of a chart, in data units.</summary>
public readonly record struct ChartPoint(double X, double Y);
