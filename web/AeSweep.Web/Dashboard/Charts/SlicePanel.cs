namespace AeSweep.Web.Dashboard.Charts;

/// <summary>One slice plot: the objective against one parameter, in pixels of a <paramref name="Width"/> × <paramref name="Height"/> SVG.</summary>
public sealed record SlicePanel(
    string Parameter,
    bool Categorical,
    IReadOnlyList<TrialMark> Marks,
    IReadOnlyList<(string Label, double X)> XTicks,
    IReadOnlyList<(string Label, double Y)> YTicks,
    double Width,
    double Height);
