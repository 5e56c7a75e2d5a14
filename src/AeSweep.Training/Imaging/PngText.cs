using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// Text on the PNGs (gallery captions, axis labels, legends). The Linux Skia bundle AeSweep ships has no fontconfig,
/// so the default typeface may have no glyphs: the DejaVu Sans file (Debian's <c>fonts-dejavu-core</c>, installed in
/// the images) is loaded by path, <c>AESWEEP_FONT</c> overriding it. Without any font the pictures still render, blank
/// where the text would be.
/// </summary>
internal static class PngText
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    ];

    private static readonly Lazy<SKTypeface> Face = new(LoadTypeface);

    /// <summary>Whether a real font was found (tests of drawn text skip themselves otherwise).</summary>
    public static bool HasFont => Face.Value != SKTypeface.Default;

    public static SKFont Font(float size) => new(Face.Value, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="y"/>.</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color, SKTextAlign align = SKTextAlign.Left)
    {
        using var font = Font(size);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>Draws <paramref name="text"/> turned a quarter left (for a vertical axis), centred on (x, y).</summary>
    public static void DrawVertical(SKCanvas canvas, string text, float x, float y, float size, SKColor color)
    {
        canvas.Save();
        canvas.Translate(x, y);
        canvas.RotateDegrees(-90);
        Draw(canvas, text, 0, 0, size, color, SKTextAlign.Center);
        canvas.Restore();
    }

    public static float Width(string text, float size)
    {
        using var font = Font(size);
        return font.MeasureText(text);
    }

    private static SKTypeface LoadTypeface()
    {
        var overridden = Environment.GetEnvironmentVariable("AESWEEP_FONT");
        foreach (var path in new[] { overridden }.Concat(Candidates).OfType<string>().Where(p => p.Length > 0))
        {
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } face)
            {
                return face;
            }
        }

        return SKTypeface.Default;
    }
}
