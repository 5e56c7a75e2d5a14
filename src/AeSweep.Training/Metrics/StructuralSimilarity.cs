using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// SSIM (Wang et al. 2004) per image, for values in [0, 1]: an 11×11 Gaussian window with σ = 1.5 (smaller, odd, for
/// images under 11 pixels), C1 = 0.01², C2 = 0.03², valid positions only, averaged over positions and channels.
/// </summary>
public static class StructuralSimilarity
{
    private const double C1 = 0.01 * 0.01;
    private const double C2 = 0.03 * 0.03;

    /// <summary>SSIM of each image pair; <paramref name="x"/> and <paramref name="y"/> are (N, C, H, W).</summary>
    public static Tensor PerImage(Tensor x, Tensor y)
    {
        var channels = x.shape[1];
        var size = (int)Math.Min(11, Math.Min(x.shape[2], x.shape[3]));
        if (size % 2 == 0)
        {
            size--;
        }

        // The Gaussian window is separable: a row pass then a column pass (2·11 taps instead of 121), and the five
        // local statistics are filtered in one grouped convolution over x, y, x², y², xy stacked as channels.
        var taps = GaussianTaps(size, 1.5, x.device);
        var groups = 5 * channels;
        var rowWindow = taps.reshape(1, 1, 1, size).expand(groups, 1, 1, size);
        var columnWindow = taps.reshape(1, 1, size, 1).expand(groups, 1, size, 1);
        var stacked = cat([x, y, x * x, y * y, x * y], 1);
        var filtered = nn.functional.conv2d(nn.functional.conv2d(stacked, rowWindow, groups: groups), columnWindow, groups: groups);
        var statistics = filtered.split(channels, 1);
        var muX = statistics[0];
        var muY = statistics[1];
        var muXx = muX * muX;
        var muYy = muY * muY;
        var muXy = muX * muY;
        var sigmaXx = statistics[2] - muXx;
        var sigmaYy = statistics[3] - muYy;
        var sigmaXy = statistics[4] - muXy;
        var map = (((2 * muXy) + C1) * ((2 * sigmaXy) + C2)) / ((muXx + muYy + C1) * (sigmaXx + sigmaYy + C2));
        return map.mean([1, 2, 3]);
    }

    private static Tensor GaussianTaps(int size, double sigma, Device device)
    {
        var coordinates = arange(size, dtype: ScalarType.Float32, device: device) - ((size - 1) / 2.0);
        var g = (-(coordinates * coordinates) / (2 * sigma * sigma)).exp();
        return g / g.sum();
    }
}
