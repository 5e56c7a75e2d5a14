using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The colour scale of error heatmaps: |x − x̂| from 0 (black) through purple, red and orange to <see cref="Maximum"/>
/// (pale yellow; larger errors saturate), an inferno-like ramp that stays ordered in lightness when printed grey. The
/// range is fixed rather than fitted to each picture, so the heatmaps of a sweep's trials compare at a glance.
/// </summary>
public static class ErrorColourScale
{
    /// <summary>The error drawn in the brightest colour (a quarter of the [0, 1] range would hide most failures; a half does not).</summary>
    public const float Maximum = 0.5f;

    private static readonly (float At, SKColor Colour)[] Stops =
    [
        (0f, new SKColor(0, 0, 4)), (0.25f, new SKColor(87, 16, 110)), (0.5f, new SKColor(188, 55, 84)),
        (0.75f, new SKColor(249, 142, 9)), (1f, new SKColor(252, 255, 164)),
    ];

    /// <summary>The colour of an absolute error.</summary>
    public static SKColor ColourOf(float error)
    {
        var t = float.IsFinite(error) ? Math.Clamp(error / Maximum, 0f, 1f) : 1f;
        for (var i = 1; i < Stops.Length; i++)
        {
            if (t <= Stops[i].At)
            {
                var (a, from) = Stops[i - 1];
                var (b, to) = Stops[i];
                var f = (t - a) / (b - a);
                return new SKColor(Mix(from.Red, to.Red, f), Mix(from.Green, to.Green, f), Mix(from.Blue, to.Blue, f));
            }
        }

        return Stops[^1].Colour;
    }

    private static byte Mix(byte from, byte to, float f) => (byte)Math.Round(from + ((to - from) * f));
}
