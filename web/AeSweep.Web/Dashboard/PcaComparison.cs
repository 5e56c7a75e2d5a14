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

    /// <summary>
    /// An accuracy against PCA's at the same code size, in percentage points (positive: the autoencoder's codes are
    /// better): "+1.9 pt vs PCA 81.4 %"; null when either is missing.
    /// </summary>
    public static string? DescribeAccuracy(double? accuracy, double? pcaAccuracy)
    {
        if (accuracy is not { } a || pcaAccuracy is not { } p || !double.IsFinite(a) || !double.IsFinite(p))
        {
            return null;
        }

        var points = (a - p) * 100;
        var sign = Math.Abs(points) < 0.05 ? "±" : points < 0 ? "−" : "+";
        return $"{sign}{Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture)} pt vs PCA {(p * 100).ToString("0.0", CultureInfo.InvariantCulture)} %";
    }
}
