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

        var window = GaussianWindow(size, 1.5, x.device).expand(channels, 1, size, size);
        Tensor Filter(Tensor t) => nn.functional.conv2d(t, window, groups: channels);
        var muX = Filter(x);
        var muY = Filter(y);
        var muXx = muX * muX;
        var muYy = muY * muY;
        var muXy = muX * muY;
        var sigmaXx = Filter(x * x) - muXx;
        var sigmaYy = Filter(y * y) - muYy;
        var sigmaXy = Filter(x * y) - muXy;
        var map = (((2 * muXy) + C1) * ((2 * sigmaXy) + C2)) / ((muXx + muYy + C1) * (sigmaXx + sigmaYy + C2));
        return map.mean([1, 2, 3]);
    }

    private static Tensor GaussianWindow(int size, double sigma, Device device)
    {
        var coordinates = arange(size, dtype: ScalarType.Float32, device: device) - ((size - 1) / 2.0);
        var g = (-(coordinates * coordinates) / (2 * sigma * sigma)).exp();
        g = g / g.sum();
        return g.unsqueeze(1).matmul(g.unsqueeze(0)).unsqueeze(0).unsqueeze(0);
    }
}
