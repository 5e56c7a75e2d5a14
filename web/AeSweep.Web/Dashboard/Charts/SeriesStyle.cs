namespace AeSweep.Web.Dashboard.Charts;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A solid line through the points.</summary>
    Line,

    /// <summary>A dashed line (e.g. a pruned trial's curve).</summary>
    DashedLine,

    /// <summary>Dots only.</summary>
    Points,

    /// <summary>A staircase (e.g. best so far): horizontal to the next x, then vertical.</summary>
    Step,
}
