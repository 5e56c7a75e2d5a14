namespace AeSweep.Web.Dashboard.Charts;

/// <summary>One cell of the contour grid in pixels, filled with the colour of its interpolated <paramref name="Value"/>.</summary>
public sealed record ContourCell(double X, double Y, double Width, double Height, double Value, string Color);
