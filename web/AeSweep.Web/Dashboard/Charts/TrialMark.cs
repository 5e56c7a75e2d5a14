namespace AeSweep.Web.Dashboard.Charts;

/// <summary>A trial drawn as a dot at pixel (<paramref name="X"/>, <paramref name="Y"/>); pruned ones hollow.</summary>
public sealed record TrialMark(double X, double Y, string TrialId, bool Pruned, string Color, string Tooltip);
