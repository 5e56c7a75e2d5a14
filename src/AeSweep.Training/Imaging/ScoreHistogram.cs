using System.Globalization;
using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The anomaly-score histogram PNG: the distribution of the reconstruction error of normal validation samples against
/// that of anomalous ones, each as a share of its own group (so a small anomalous group is as visible as the large
/// normal one), with axes, ticks, units and a legend. The range ends at the 99.5th percentile of all scores, so a few
/// extreme samples do not squeeze the rest into one bar; the last bin counts everything above.
/// </summary>
public static class ScoreHistogram
{
    public const int Width = 720;
    public const int Height = 420;
    public const int Bins = 40;

    private const float Left = 72;
    private const float Right = 24;
    private const float Top = 56;
    private const float Bottom = 64;

    private static readonly SKColor NormalColor = new(0x1f, 0x77, 0xb4);
    private static readonly SKColor AnomalousColor = new(0xd6, 0x27, 0x28);

    /// <summary>Draws the histogram of <paramref name="scores"/>, split by <paramref name="anomalous"/>.</summary>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="scores">One anomaly score (reconstruction MSE) per sample.</param>
    /// <param name="anomalous">Whether each sample belongs to a held-out class.</param>
    /// <param name="normalLabel">Legend text of the normal group, e.g. "normal classes".</param>
    /// <param name="anomalousLabel">Legend text of the anomalous group, e.g. "held out: 5 sandal".</param>
    /// <param name="title">The title line, e.g. with the AUROC.</param>
    public static void Write(string path, IReadOnlyList<double> scores, IReadOnlyList<bool> anomalous, string normalLabel, string anomalousLabel, string title)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(anomalous);
        var finite = scores.Where(double.IsFinite).Order().ToArray();
        var upper = finite.Length == 0 ? 1 : Math.Max(finite[(int)Math.Floor(0.995 * (finite.Length - 1))], 1e-12);
        var normal = Histogram(scores, anomalous, false, upper);
        var anomalies = Histogram(scores, anomalous, true, upper);
        var yMax = NiceCeiling(Math.Max(normal.Max(), anomalies.Max()));

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        float X(double value) => Left + (float)(value / upper * plotWidth);
        float Y(double share) => Top + plotHeight - (float)(share / yMax * plotHeight);

        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1, Color = new SKColor(0x33, 0x33, 0x33) };
        using var grid = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 1, Color = new SKColor(0xe4, 0xe4, 0xe4) };
        using var text = new SKPaint { IsAntialias = true, Color = new SKColor(0x22, 0x22, 0x22) };
        using var font = ChartFont.Create(12);
        using var titleFont = ChartFont.Create(15);

        // Grid and y ticks: share of the group's samples, in percent.
        for (var i = 0; i <= 5; i++)
        {
            var share = yMax * i / 5;
            canvas.DrawLine(Left, Y(share), Left + plotWidth, Y(share), grid);
            canvas.DrawText(Percent(share), Left - 6, Y(share) + 4, SKTextAlign.Right, font, text);
        }

        var binWidth = upper / Bins;
        foreach (var (counts, color) in new[] { (normal, NormalColor), (anomalies, AnomalousColor) })
        {
            fill.Color = color.WithAlpha(130);
            for (var b = 0; b < Bins; b++)
            {
                if (counts[b] > 0)
                {
                    canvas.DrawRect(SKRect.Create(X(b * binWidth), Y(counts[b]), X(binWidth) - Left, Top + plotHeight - Y(counts[b])), fill);
                }
            }
        }

        // Axes and x ticks: the reconstruction error.
        canvas.DrawLine(Left, Top, Left, Top + plotHeight, stroke);
        canvas.DrawLine(Left, Top + plotHeight, Left + plotWidth, Top + plotHeight, stroke);
        var step = NiceStep(upper / 5);
        for (var value = 0.0; value <= upper * (1 + 1e-9); value += step)
        {
            canvas.DrawLine(X(value), Top + plotHeight, X(value), Top + plotHeight + 4, stroke);
            canvas.DrawText(value.ToString("G3", CultureInfo.InvariantCulture), X(value), Top + plotHeight + 17, SKTextAlign.Center, font, text);
        }

        canvas.DrawText(
            $"anomaly score: reconstruction error (mean squared error per value; last bin: ≥ {(upper - binWidth).ToString("G3", CultureInfo.InvariantCulture)})",
            Left + (plotWidth / 2), Height - 18, SKTextAlign.Center, font, text);
        canvas.Save();
        canvas.RotateDegrees(-90, 16, Top + (plotHeight / 2));
        canvas.DrawText("share of the group's samples", 16, Top + (plotHeight / 2) + 4, SKTextAlign.Center, font, text);
        canvas.Restore();
        canvas.DrawText(title, Left, 22, SKTextAlign.Left, titleFont, text);

        // Legend, top right inside the plot.
        var legend = new[] { (normalLabel, NormalColor), (anomalousLabel, AnomalousColor) };
        var legendWidth = legend.Max(l => font.MeasureText(l.Item1)) + 26;
        var legendLeft = Left + plotWidth - legendWidth - 8;
        for (var i = 0; i < legend.Length; i++)
        {
            var y = Top + 10 + (i * 18);
            fill.Color = legend[i].Item2.WithAlpha(170);
            canvas.DrawRect(SKRect.Create(legendLeft, y, 14, 12), fill);
            canvas.DrawText(legend[i].Item1, legendLeft + 20, y + 11, SKTextAlign.Left, font, text);
        }

        using var image = surface.Snapshot();
        PngFile.Write(path, image);
    }

    /// <summary>Share of the group's samples in each bin (0 to 1); values past <paramref name="upper"/> go to the last bin.</summary>
    internal static double[] Histogram(IReadOnlyList<double> scores, IReadOnlyList<bool> anomalous, bool group, double upper)
    {
        var counts = new double[Bins];
        var total = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (anomalous[i] != group || !double.IsFinite(scores[i]))
            {
                continue;
            }

            var bin = (int)Math.Clamp(Math.Floor(scores[i] / upper * Bins), 0, Bins - 1);
            counts[bin]++;
            total++;
        }

        return total == 0 ? counts : [.. counts.Select(c => c / total)];
    }

    private static double NiceCeiling(double share)
    {
        foreach (var step in new[] { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0 })
        {
            if (share <= step)
            {
                return step;
            }
        }

        return 1.0;
    }

    /// <summary>The smallest of 1, 2, 5 × 10ᵏ at least <paramref name="rough"/>: ticks at round numbers.</summary>
    internal static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (factor * power >= rough)
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
