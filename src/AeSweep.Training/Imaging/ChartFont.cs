using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The typeface for text in chart PNGs. The Linux Skia build AeSweep ships has no fontconfig, so it is loaded from a
/// common font file (DejaVu Sans, Liberation Sans, Noto Sans); without any, Skia's default is used, which may draw no
/// text on a host without fonts: the chart's bars and axes still show.
/// </summary>
internal static class ChartFont
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    private static readonly Lazy<SKTypeface> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SKTypeface Typeface => Shared.Value;

    /// <summary>A font of <paramref name="size"/> pixels in the chart typeface.</summary>
    public static SKFont Create(float size) => new(Typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKTypeface Load()
    {
        foreach (var path in Candidates.Where(File.Exists))
        {
            if (SKTypeface.FromFile(path) is { } typeface)
            {
                return typeface;
            }
        }

        return SKTypeface.Default;
    }
}
