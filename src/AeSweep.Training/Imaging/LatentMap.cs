using System.Globalization;
using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The latent map PNG: validation codes projected on two axes (the first two principal components of the codes),
/// one dot per sample, coloured by class where the data has labels. Axes carry ticks and titles, and a legend names
/// each class, so the picture reads on its own.
/// </summary>
public static class LatentMap
{
    public const int Width = 640;
    public const int Height = 512;

    /// <summary>Legend entries at most; further classes are summed up in one line (the palette repeats anyway).</summary>
    public const int MaxLegendEntries = 20;

    private const float PlotLeft = 60;
    private const float PlotTop = 30;
    private const float PlotBottom = Height - 46;
    private const float LegendWidth = 150;
    private const float Inset = 8;

    private static readonly SKColor Ink = new(40, 40, 40);
    private static readonly SKColor Faint = new(225, 225, 225);

    private static readonly SKColor[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f), new(0xbc, 0xbd, 0x22), new(0x17, 0xbe, 0xcf),
    ];

    /// <summary>The dot colour of a class label.</summary>
    public static SKColor ColourOf(long label) => Palette[(int)(((label % Palette.Length) + Palette.Length) % Palette.Length)];

    /// <summary>
    /// Draws 2-D points (already projected) with optional labels, the axes titled <paramref name="xTitle"/> and
    /// <paramref name="yTitle"/>, and a legend naming each label with <paramref name="className"/>.
    /// </summary>
    public static void Write(
        string path,
        IReadOnlyList<(float X, float Y)> points,
        IReadOnlyList<long>? labels,
        string xTitle = "PC 1",
        string yTitle = "PC 2",
        Func<long, string>? className = null,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var plotRight = Width - (labels is null ? 16 : LegendWidth);
        var (minX, maxX) = Range(points.Select(p => p.X));
        var (minY, maxY) = Range(points.Select(p => p.Y));
        float ToX(double x) => (float)(PlotLeft + Inset + ((x - minX) / (maxX - minX) * (plotRight - PlotLeft - (2 * Inset))));
        float ToY(double y) => (float)(PlotBottom - Inset - ((y - minY) / (maxY - minY) * (PlotBottom - PlotTop - (2 * Inset))));

        DrawAxes(canvas, plotRight, minX, maxX, minY, maxY, ToX, ToY);
        using (var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill })
        {
            for (var i = 0; i < points.Count; i++)
            {
                paint.Color = ColourOf(labels is null ? 0 : labels[i]).WithAlpha(170);
                canvas.DrawCircle(ToX(points[i].X), ToY(points[i].Y), 2.5f, paint);
            }
        }

        PngText.Draw(canvas, xTitle, (PlotLeft + plotRight) / 2, Height - 10, 12, Ink, SKTextAlign.Center);
        PngText.DrawVertical(canvas, yTitle, 14, (PlotTop + PlotBottom) / 2, 12, Ink);
        PngText.Draw(canvas, title ?? $"{points.Count.ToString(CultureInfo.InvariantCulture)} validation codes", PlotLeft, 19, 12, Ink);
        if (labels is not null)
        {
            DrawLegend(canvas, plotRight + 12, labels, className ?? (label => $"class {label}"));
        }

        using var image = surface.Snapshot();
        PngFile.Write(path, image);
    }

    private static void DrawAxes(SKCanvas canvas, float plotRight, double minX, double maxX, double minY, double maxY, Func<double, float> toX, Func<double, float> toY)
    {
        using var frame = new SKPaint { Color = Ink, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = false };
        using var grid = new SKPaint { Color = Faint, Style = SKPaintStyle.Stroke, StrokeWidth = 1, IsAntialias = false };
        foreach (var x in Ticks(minX, maxX))
        {
            canvas.DrawLine(toX(x), PlotTop, toX(x), PlotBottom, grid);
            canvas.DrawLine(toX(x), PlotBottom, toX(x), PlotBottom + 4, frame);
            PngText.Draw(canvas, TickText(x), toX(x), PlotBottom + 16, 10, Ink, SKTextAlign.Center);
        }

        foreach (var y in Ticks(minY, maxY))
        {
            canvas.DrawLine(PlotLeft, toY(y), plotRight, toY(y), grid);
            canvas.DrawLine(PlotLeft - 4, toY(y), PlotLeft, toY(y), frame);
            PngText.Draw(canvas, TickText(y), PlotLeft - 6, toY(y) + 3.5f, 10, Ink, SKTextAlign.Right);
        }

        canvas.DrawRect(PlotLeft, PlotTop, plotRight - PlotLeft, PlotBottom - PlotTop, frame);
    }

    private static void DrawLegend(SKCanvas canvas, float left, IReadOnlyList<long> labels, Func<long, string> className)
    {
        var classes = labels.Distinct().Order().ToArray();
        PngText.Draw(canvas, "class", left, PlotTop + 10, 12, Ink);
        using var swatch = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        var shown = classes.Length > MaxLegendEntries ? MaxLegendEntries - 1 : classes.Length;
        for (var i = 0; i < shown; i++)
        {
            var baseline = PlotTop + 30 + (i * 17);
            swatch.Color = ColourOf(classes[i]);
            canvas.DrawCircle(left + 5, baseline - 4, 5, swatch);
            PngText.Draw(canvas, className(classes[i]), left + 16, baseline, 11, Ink);
        }

        if (shown < classes.Length)
        {
            PngText.Draw(canvas, $"+ {classes.Length - shown} more classes", left, PlotTop + 30 + (shown * 17), 11, Ink);
        }
    }

    // The data's range, widened where it is empty or a single value so that every point has a place.
    private static (double Min, double Max) Range(IEnumerable<float> values)
    {
        var finite = values.Where(float.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return (-1, 1);
        }

        double min = finite.Min();
        double max = finite.Max();
        return max - min < 1e-6 ? (min - 1, max + 1) : (min, max);
    }

    /// <summary>About five round tick values (steps of 1, 2 or 5 times a power of ten) inside [min, max].</summary>
    internal static IReadOnlyList<double> Ticks(double min, double max)
    {
        var rough = (max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= rough);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(min / step) * step; t <= max + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    private static string TickText(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
