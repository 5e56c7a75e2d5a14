namespace AeSweep.Web.Dashboard.Charts;

/// <summary>A named set of points with its colour and style; <paramref name="Href"/> makes its marks links (a trial page).</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<ChartPoint> Points, string Color, SeriesStyle Style = SeriesStyle.Line, string? Href = null)
{
    /// <summary>Dimmed series are drawn thinner and translucent (pruned or failed trials).</summary>
    public bool Dimmed { get; init; }

    /// <summary>Dots drawn as rings (pruned trials: their last reported value, not a final one).</summary>
    public bool Hollow { get; init; }

    /// <summary>Per-point links and tooltips for <see cref="SeriesStyle.Points"/> (same length as <see cref="Points"/> when set).</summary>
    public IReadOnlyList<(string Href, string Tooltip)>? PointLinks { get; init; }
}
