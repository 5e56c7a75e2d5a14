using SkiaSharp;
using AeSweep.Training.Data;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The anomaly gallery PNG: the most anomalous validation samples (highest reconstruction error) above the least
/// anomalous ones, each sample with its reconstruction beneath it and a caption naming its class and its score. Classes
/// held out as anomalies are captioned in red, normal classes in grey, so a glance shows whether the extremes are the
/// held-out classes.
/// </summary>
public static class AnomalyGallery
{
    public const int Scale = 3;

    private const float RowLabelWidth = 110;
    private const float Gap = 6;
    private const float CaptionHeight = 30;
    private const float SectionTitleHeight = 26;
    private const float FooterHeight = 24;

    private static readonly SKColor AnomalousText = new(0xc6, 0x17, 0x18);
    private static readonly SKColor NormalText = new(0x55, 0x55, 0x55);

    /// <summary>Draws two sections of samples, each a row of inputs over a row of their reconstructions.</summary>
    public static void Write(string path, SampleShape shape, AnomalyGallerySection most, AnomalyGallerySection least)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(most);
        ArgumentNullException.ThrowIfNull(least);
        var columns = Math.Max(1, Math.Max(most.Samples.Count, least.Samples.Count));
        var tile = new SKSize(shape.Width * Scale, shape.Height * Scale);
        var sectionHeight = SectionTitleHeight + (2 * tile.Height) + Gap + CaptionHeight + Gap;
        var width = (int)Math.Ceiling(RowLabelWidth + (columns * (tile.Width + Gap)) + Gap);
        var height = (int)Math.Ceiling((2 * sectionHeight) + FooterHeight + Gap);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var text = new SKPaint { IsAntialias = true, Color = new SKColor(0x22, 0x22, 0x22) };
        using var titleFont = ChartFont.Create(14);
        using var font = ChartFont.Create(11);
        var top = 0f;
        foreach (var section in new[] { most, least })
        {
            canvas.DrawText(section.Title, Gap, top + 18, SKTextAlign.Left, titleFont, text);
            var rowTop = top + SectionTitleHeight;
            canvas.DrawText("input", RowLabelWidth - Gap, rowTop + (tile.Height / 2) + 4, SKTextAlign.Right, font, text);
            canvas.DrawText("reconstruction", RowLabelWidth - Gap, rowTop + tile.Height + Gap + (tile.Height / 2) + 4, SKTextAlign.Right, font, text);
            for (var c = 0; c < section.Samples.Count; c++)
            {
                var sample = section.Samples[c];
                var left = RowLabelWidth + (c * (tile.Width + Gap));
                DrawImage(canvas, shape, sample.Input, SKRect.Create(left, rowTop, tile.Width, tile.Height));
                DrawImage(canvas, shape, sample.Reconstruction, SKRect.Create(left, rowTop + tile.Height + Gap, tile.Width, tile.Height));
                var captionTop = rowTop + (2 * tile.Height) + Gap;
                text.Color = sample.Anomalous ? AnomalousText : NormalText;
                canvas.DrawText(Fit(sample.ClassName, font, tile.Width + Gap), left + (tile.Width / 2), captionTop + 13, SKTextAlign.Center, font, text);
                canvas.DrawText(sample.Score.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), left + (tile.Width / 2), captionTop + 26, SKTextAlign.Center, font, text);
                text.Color = new SKColor(0x22, 0x22, 0x22);
            }

            top += sectionHeight;
        }

        text.Color = NormalText;
        canvas.DrawText(
            "red caption: a held-out (anomalous) class · grey: a normal class · number: the anomaly score (reconstruction MSE)",
            Gap, top + 16, SKTextAlign.Left, font, text);
        using var image = surface.Snapshot();
        PngFile.Write(path, image);
    }

    private static void DrawImage(SKCanvas canvas, SampleShape shape, float[] values, SKRect target)
    {
        var plane = shape.Height * shape.Width;
        var rgba = new byte[plane * 4];
        for (var p = 0; p < plane; p++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                rgba[(p * 4) + channel] = (byte)Math.Round(Math.Clamp(values[(Math.Min(channel, shape.Channels - 1) * plane) + p], 0f, 1f) * 255);
            }

            rgba[(p * 4) + 3] = 255;
        }

        var info = new SKImageInfo(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var data = SKData.CreateCopy(rgba);
        using var image = SKImage.FromPixels(info, data, shape.Width * 4);
        // Nearest-neighbour scaling: each pixel stays a crisp square.
        canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Nearest));
    }

    private static string Fit(string caption, SKFont font, float width)
    {
        if (font.MeasureText(caption) <= width)
        {
            return caption;
        }

        var shortened = caption;
        while (shortened.Length > 1 && font.MeasureText(shortened + "…") > width)
        {
            shortened = shortened[..^1];
        }

        return shortened + "…";
    }
}
