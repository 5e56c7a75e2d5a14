namespace AeSweep.Web.Dashboard.Charts;

/// <summary>Colours for series (Tableau 10, distinguishable and colour-blind friendlier) and for values (viridis).</summary>
public static class ChartPalette
{
    private static readonly string[] Categorical =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    // Viridis at eight stops, interpolated between them.
    private static readonly (byte R, byte G, byte B)[] Viridis =
    [
        (68, 1, 84), (70, 50, 126), (54, 92, 141), (39, 127, 142), (31, 161, 135), (74, 193, 109), (160, 218, 57), (253, 231, 37),
    ];

    // Tableau 10 without the colours that mean a state in the sweep charts (orange: pruned, green: running, red: best
    // so far, grey: failed) and without its yellow, too pale on white: a completed trial never looks like a pruned one.
    private static readonly string[] CompletedTrials = ["#4e79a7", "#76b7b2", "#b07aa1", "#ff9da7", "#9c755f"];

    /// <summary>The colour of completed trial <paramref name="index"/> where pruned, running and failed trials have theirs.</summary>
    public static string CompletedTrial(int index) => CompletedTrials[((index % CompletedTrials.Length) + CompletedTrials.Length) % CompletedTrials.Length];

    /// <summary>The <paramref name="index"/>-th series colour, cycling.</summary>
    public static string Series(int index) => Categorical[((index % Categorical.Length) + Categorical.Length) % Categorical.Length];

    /// <summary>A viridis colour for <paramref name="t"/> in [0, 1] (clamped): dark purple at 0, yellow at 1.</summary>
    public static string Sequential(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        var position = t * (Viridis.Length - 1);
        var i = Math.Min((int)Math.Floor(position), Viridis.Length - 2);
        var f = position - i;
        var (a, b) = (Viridis[i], Viridis[i + 1]);
        int Mix(byte p, byte q) => (int)Math.Round(p + ((q - p) * f));
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }
}
