using System.Globalization;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// How a trial's reconstruction error compares with PCA at the same code size (the linear baseline every autoencoder
/// should beat): the relative change of val_mse, negative when the autoencoder is better.
/// </summary>
public static class PcaComparison
{
    /// <summary>(mse − pca) / pca; null when either is missing or the baseline is not positive.</summary>
    public static double? RelativeChange(double? mse, double? pcaMse) =>
        mse is { } m && pcaMse is { } p && p > 0 && double.IsFinite(m) && double.IsFinite(p) ? (m - p) / p : null;

    /// <summary>"−35 % vs PCA", "+12 % vs PCA", or "—".</summary>
    public static string Describe(double? relativeChange) => relativeChange switch
    {
        null => "—",
        var c when Math.Abs(c.Value) < 0.005 => "±0 % vs PCA",
        var c => $"{(c.Value < 0 ? "−" : "+")}{Math.Abs(c.Value * 100).ToString("0", CultureInfo.InvariantCulture)} % vs PCA",
    };
}
