using System.Globalization;
using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The gallery of a sequence dataset: one panel per validation window, each channel's input drawn as a solid line and
/// its reconstruction as a dashed line of the same colour (a grey line for the noisy input of denoising training),
/// with a y axis (value range), an x axis (time step 0 … T−1), the window's title and a legend. At most
/// <see cref="MaxChannels"/> channels are drawn per panel (the first ones), so the lines stay readable.
/// </summary>
public static class SequenceGallery
{
    public const int Width = 720;
    public const int PanelHeight = 170;
    public const int MaxChannels = 4;
    private const int LegendHeight = 28;
    private const float Left = 56;
    private const float Right = 12;
    private const float Top = 22;
    private const float Bottom = 26;

    private static readonly SKColor[] Palette = [new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0x94, 0x67, 0xbd)];

    /// <summary>The PNG's pixel size for <paramref name="panels"/> windows.</summary>
    public static (int Width, int Height) PixelSize(int panels) => (Width, LegendHeight + (panels * PanelHeight));

    /// <summary>Draws the panels; every array is one window's time-major values (t·C + c) of <paramref name="channels"/> channels.</summary>
    public static void Write(string path, int steps, int channels, IReadOnlyList<SequencePanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var (width, height) = PixelSize(panels.Count);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 12);
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.Black };
        var drawn = Math.Min(channels, MaxChannels);
        DrawLegend(canvas, font, text, drawn, channels, panels.Any(p => p.NoisyInput is not null));
        for (var p = 0; p < panels.Count; p++)
        {
            DrawPanel(canvas, font, text, new SKRect(Left, LegendHeight + (p * PanelHeight) + Top, width - Right, LegendHeight + ((p + 1) * PanelHeight) - Bottom), steps, channels, drawn, panels[p]);
        }

        using var image = surface.Snapshot();
        PngFile.Write(path, image);
    }

    private static void DrawLegend(SKCanvas canvas, SKFont font, SKPaint text, int drawn, int channels, bool noisy)
    {
        var x = Left;
        const float y = 18;
        using var line = new SKPaint { IsAntialias = true, StrokeWidth = 2, Style = SKPaintStyle.Stroke, Color = SKColors.Black };
        canvas.DrawLine(x, y - 4, x + 24, y - 4, line);
        canvas.DrawText("input", x + 28, y, font, text);
        x += 80;
        line.PathEffect = SKPathEffect.CreateDash([6, 4], 0);
        canvas.DrawLine(x, y - 4, x + 24, y - 4, line);
        canvas.DrawText("reconstruction", x + 28, y, font, text);
        x += 130;
        line.PathEffect = null;
        if (noisy)
        {
            line.Color = SKColors.Silver;
            canvas.DrawLine(x, y - 4, x + 24, y - 4, line);
            canvas.DrawText("noisy input", x + 28, y, font, text);
            x += 110;
        }

        for (var c = 0; c < drawn; c++)
        {
            line.Color = Palette[c];
            canvas.DrawLine(x, y - 4, x + 14, y - 4, line);
            canvas.DrawText($"channel {c + 1}", x + 18, y, font, text);
            x += 82;
        }

        if (channels > drawn)
        {
            canvas.DrawText($"(first {drawn} of {channels})", x, y, font, text);
        }
    }

    private static void DrawPanel(SKCanvas canvas, SKFont font, SKPaint text, SKRect area, int steps, int channels, int drawn, SequencePanel panel)
    {
        var series = new[] { panel.Input, panel.Reconstruction }.Concat(panel.NoisyInput is { } n ? [n] : Array.Empty<float[]>()).ToArray();
        var values = series.SelectMany(s => Enumerable.Range(0, steps).SelectMany(t => Enumerable.Range(0, drawn).Select(c => s[(t * channels) + c]))).ToArray();
        var min = values.Min();
        var max = values.Max();
        if (max - min < 1e-6f)
        {
            (min, max) = (min - 0.5f, max + 0.5f);
        }

        using var axis = new SKPaint { IsAntialias = true, StrokeWidth = 1, Style = SKPaintStyle.Stroke, Color = SKColors.Gray };
        canvas.DrawLine(area.Left, area.Top, area.Left, area.Bottom, axis);
        canvas.DrawLine(area.Left, area.Bottom, area.Right, area.Bottom, axis);
        canvas.DrawText(panel.Title, area.Left + 4, area.Top - 6, font, text);
        canvas.DrawText(Label(max), area.Left - 4, area.Top + 10, SKTextAlign.Right, font, text);
        canvas.DrawText(Label(min), area.Left - 4, area.Bottom, SKTextAlign.Right, font, text);
        canvas.DrawText("0", area.Left, area.Bottom + 14, SKTextAlign.Center, font, text);
        canvas.DrawText((steps - 1).ToString(CultureInfo.InvariantCulture), area.Right, area.Bottom + 14, SKTextAlign.Right, font, text);
        canvas.DrawText("time step", area.MidX, area.Bottom + 16, SKTextAlign.Center, font, text);

        SKPoint Point(int t, float v) => new(
            area.Left + (steps == 1 ? 0 : t * area.Width / (steps - 1)),
            area.Bottom - ((v - min) / (max - min) * area.Height));

        using var line = new SKPaint { IsAntialias = true, StrokeWidth = 1.6f, Style = SKPaintStyle.Stroke };
        using var dashes = SKPathEffect.CreateDash([6, 4], 0);
        for (var c = 0; c < drawn; c++)
        {
            var drawings = new List<(float[] Values, SKColor Color, SKPathEffect? Effect)>();
            if (panel.NoisyInput is { } noisy)
            {
                drawings.Add((noisy, SKColors.Silver, null));
            }

            drawings.Add((panel.Input, Palette[c], null));
            drawings.Add((panel.Reconstruction, Palette[c].WithAlpha(200), dashes));
            foreach (var (data, color, effect) in drawings)
            {
                using var path = new SKPath();
                path.MoveTo(Point(0, data[c]));
                for (var t = 1; t < steps; t++)
                {
                    path.LineTo(Point(t, data[(t * channels) + c]));
                }

                line.Color = color;
                line.PathEffect = effect;
                canvas.DrawPath(path, line);
            }
        }
    }

    private static string Label(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
