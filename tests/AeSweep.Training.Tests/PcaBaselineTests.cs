using AeSweep.Training.Baselines;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

public sealed class PcaBaselineTests
{
    [Fact]
    public void Pca_baseline_matches_a_hand_computed_reference_on_a_rotated_axis_aligned_set()
    {
        // Six points at ±3, ±2, ±1 on the three axes: mean 0, covariance diag(9, 4, 1)·(2/5). One component keeps the
        // first axis, so the residual is 2·4 + 2·1 = 10 over 6·3 values; two components leave 2·1 = 2. Rotating the set
        // changes neither number, so the reference holds for the rotated data the baseline actually sees.
        double[,] points = { { 3, 0, 0 }, { -3, 0, 0 }, { 0, 2, 0 }, { 0, -2, 0 }, { 0, 0, 1 }, { 0, 0, -1 } };
        var c = Math.Cos(0.7);
        var s = Math.Sin(0.7);
        double[,] rotation = { { c, -s, 0 }, { s * 0.6, c * 0.6, 0.8 }, { -s * 0.8, -c * 0.8, 0.6 } };
        var rotated = new float[18];
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                rotated[(i * 3) + j] = (float)((points[i, 0] * rotation[j, 0]) + (points[i, 1] * rotation[j, 1]) + (points[i, 2] * rotation[j, 2]) + 5);
            }
        }

        using var data = tensor(rotated, [6, 3]);

        Assert.Equal(10.0 / 18, PcaBaseline.ReconstructionMse(data, data, 1), 5);
        Assert.Equal(2.0 / 18, PcaBaseline.ReconstructionMse(data, data, 2), 5);
        Assert.Equal(0.0, PcaBaseline.ReconstructionMse(data, data, 3), 5);
    }
}
