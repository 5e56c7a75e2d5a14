using System.Globalization;
using System.Text;

namespace AeSweep.Web.Dashboard.Charts;

/// <summary>SVG path data for series, in pixels. Non-finite points break the line instead of drawing to infinity.</summary>
public static class SvgPaths
{
    /// <summary>"M x y L x y …" through the points in order.</summary>
    public static string Polyline(IEnumerable<ChartPoint> points, ChartScale x, ChartScale y)
    {
        var builder = new StringBuilder();
        var pen = 'M';
        foreach (var point in points)
        {
            if (!double.IsFinite(point.X) || !double.IsFinite(point.Y) || (y.Log && point.Y <= 0))
            {
                pen = 'M';
                continue;
            }

            Append(builder, pen, x.Map(point.X), y.Map(point.Y));
            pen = 'L';
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>A staircase: from each point horizontally to the next point's x, then vertically to its y.</summary>
    public static string Step(IReadOnlyList<ChartPoint> points, ChartScale x, ChartScale y)
    {
        var finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var builder = new StringBuilder();
        for (var i = 0; i < finite.Count; i++)
        {
            if (i == 0)
            {
                Append(builder, 'M', x.Map(finite[0].X), y.Map(finite[0].Y));
                continue;
            }

            Append(builder, 'L', x.Map(finite[i].X), y.Map(finite[i - 1].Y));
            Append(builder, 'L', x.Map(finite[i].X), y.Map(finite[i].Y));
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>A number as SVG wants it: invariant culture, two decimals at most.</summary>
    public static string Px(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder builder, char command, double px, double py) =>
        builder.Append(command).Append(Px(px)).Append(' ').Append(Px(py)).Append(' ');
}
