using AeSweep.Training.Data;
using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The reconstruction gallery PNG: one row per <see cref="GalleryRow"/>, its caption in a column on the left, each
/// image scaled up by <see cref="Scale"/> and separated by a <see cref="Gap"/>-pixel dark border (grey for one channel,
/// RGB for three). An error heatmap row is coloured on <see cref="ErrorColourScale"/>, whose legend then runs along the
/// bottom. The captions are in the picture itself so that it explains itself wherever it is shown or downloaded.
/// </summary>
public static class ReconstructionGallery
{
    public const int Scale = 2;
    public const int Gap = 2;

    /// <summary>Width of the caption column left of the images.</summary>
    public const int CaptionWidth = 104;

    /// <summary>Height of the colour-scale legend under a gallery with an error heatmap row.</summary>
    public const int LegendHeight = 30;

    private static readonly SKColor Background = new(32, 32, 32);
    private static readonly SKColor TextColour = new(230, 230, 230);
    private static readonly SKColor NoteColour = new(170, 170, 170);

    /// <summary>The PNG's pixel size for a gallery of the given rows and columns (with the legend when a row is a heatmap).</summary>
    public static (int Width, int Height) PixelSize(SampleShape shape, int columns, int rows, bool withLegend = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var (width, height) = GridSize(shape, columns, rows);
        return (CaptionWidth + width, height + (withLegend ? LegendHeight : 0));
    }

    public static void Write(string path, SampleShape shape, IReadOnlyList<GalleryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Max(r => r.Images.Count);
        var (gridWidth, gridHeight) = GridSize(shape, columns, rows.Count);
        var withLegend = rows.Any(r => r.Kind == GalleryRowKind.ErrorHeatmap);
        var (width, height) = PixelSize(shape, columns, rows.Count, withLegend);
        using var grid = GridImage(shape, rows, gridWidth, gridHeight);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        canvas.DrawImage(grid, CaptionWidth, 0);
        var rowHeight = (shape.Height * Scale) + Gap;
        for (var r = 0; r < rows.Count; r++)
        {
            DrawCaption(canvas, rows[r].Caption, Gap + (r * rowHeight) + (shape.Height * Scale / 2f));
        }

        if (withLegend)
        {
            DrawLegend(canvas, gridHeight, width);
        }

        using var image = surface.Snapshot();
        PngFile.Write(path, image);
    }

    private static (int Width, int Height) GridSize(SampleShape shape, int columns, int rows) =>
        ((columns * shape.Width * Scale) + ((columns + 1) * Gap), (rows * shape.Height * Scale) + ((rows + 1) * Gap));

    private static SKImage GridImage(SampleShape shape, IReadOnlyList<GalleryRow> rows, int width, int height)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            rgba[i] = rgba[i + 1] = rgba[i + 2] = Background.Red;
            rgba[i + 3] = 255;
        }

        var plane = shape.Height * shape.Width;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Images.Count; c++)
            {
                var image = rows[r].Images[c];
                var left = Gap + (c * ((shape.Width * Scale) + Gap));
                var top = Gap + (r * ((shape.Height * Scale) + Gap));
                for (var y = 0; y < shape.Height * Scale; y++)
                {
                    for (var x = 0; x < shape.Width * Scale; x++)
                    {
                        var source = ((y / Scale) * shape.Width) + (x / Scale);
                        var target = (((top + y) * width) + left + x) * 4;
                        if (rows[r].Kind == GalleryRowKind.ErrorHeatmap)
                        {
                            var error = 0f;
                            for (var channel = 0; channel < shape.Channels; channel++)
                            {
                                error += image[(channel * plane) + source];
                            }

                            var colour = ErrorColourScale.ColourOf(error / shape.Channels);
                            (rgba[target], rgba[target + 1], rgba[target + 2]) = (colour.Red, colour.Green, colour.Blue);
                            continue;
                        }

                        for (var channel = 0; channel < 3; channel++)
                        {
                            var value = image[(Math.Min(channel, shape.Channels - 1) * plane) + source];
                            rgba[target + channel] = (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255);
                        }
                    }
                }
            }
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var data = SKData.CreateCopy(rgba);
        return SKImage.FromPixels(info, data, width * 4);
    }

    // The caption's first line in the regular size, a second line (after '\n') smaller, centred on the row.
    private static void DrawCaption(SKCanvas canvas, string caption, float middle)
    {
        var lines = caption.Split('\n', 2);
        const float Main = 12;
        const float Note = 10;
        if (lines.Length == 1)
        {
            PngText.Draw(canvas, lines[0], 6, middle + (Main * 0.35f), Main, TextColour);
            return;
        }

        PngText.Draw(canvas, lines[0], 6, middle - 2, Main, TextColour);
        PngText.Draw(canvas, lines[1], 6, middle + Note, Note, NoteColour);
    }

    // A colour bar for ErrorColourScale with its ends and middle marked, and what it measures.
    private static void DrawLegend(SKCanvas canvas, int top, int width)
    {
        const float BarHeight = 8;
        const float Text = 10;
        var barLeft = CaptionWidth + Gap;
        var barWidth = Math.Min(160f, width - barLeft - Gap);
        var barTop = top + 4;
        using (var paint = new SKPaint { IsAntialias = false })
        {
            for (var x = 0; x < (int)barWidth; x++)
            {
                paint.Color = ErrorColourScale.ColourOf(x / (barWidth - 1) * ErrorColourScale.Maximum);
                canvas.DrawRect(barLeft + x, barTop, 1, BarHeight, paint);
            }
        }

        var labelLine = barTop + BarHeight + Text + 1;
        PngText.Draw(canvas, "error scale", 6, barTop + BarHeight, Text, TextColour);
        PngText.Draw(canvas, "0", barLeft, labelLine, Text, NoteColour);
        PngText.Draw(canvas, (ErrorColourScale.Maximum / 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), barLeft + (barWidth / 2), labelLine, Text, NoteColour, SKTextAlign.Center);
        PngText.Draw(canvas, "≥ " + ErrorColourScale.Maximum.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), barLeft + barWidth, labelLine, Text, NoteColour, SKTextAlign.Right);
        PngText.Draw(canvas, "|x − x̂| per pixel", barLeft + barWidth + 8, barTop + BarHeight, Text, NoteColour);
    }
}
