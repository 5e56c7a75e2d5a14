using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The latent map PNG: validation codes projected on their first two principal components, one dot per sample,
/// coloured by class label where the data has labels.
/// </summary>
public static class LatentMap
{
    public const int Size = 512;
    private const float Margin = 16;

    private static readonly SKColor[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f), new(0xbc, 0xbd, 0x22), new(0x17, 0xbe, 0xcf),
    ];

    /// <summary>Draws 2-D points (already projected) with optional labels.</summary>
    public static void Write(string path, IReadOnlyList<(float X, float Y)> points, IReadOnlyList<long>? labels)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (points.Count > 0)
        {
            var minX = points.Min(p => p.X);
            var maxX = points.Max(p => p.X);
            var minY = points.Min(p => p.Y);
            var maxY = points.Max(p => p.Y);
            var spanX = Math.Max(maxX - minX, 1e-6f);
            var spanY = Math.Max(maxY - minY, 1e-6f);
            using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            for (var i = 0; i < points.Count; i++)
            {
                var label = labels is null ? 0 : labels[i];
                paint.Color = Palette[(int)(((label % Palette.Length) + Palette.Length) % Palette.Length)].WithAlpha(170);
                var x = Margin + ((points[i].X - minX) / spanX * (Size - (2 * Margin)));
                var y = Size - Margin - ((points[i].Y - minY) / spanY * (Size - (2 * Margin)));
                canvas.DrawCircle(x, y, 2.5f, paint);
            }
        }

        using var image = surface.Snapshot();
        PngFile.Write(path, image);
    }
}
