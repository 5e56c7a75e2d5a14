using AeSweep.Core.Search.Samplers.Gp;

namespace AeSweep.Core.Tests.Search.Samplers;

/// <summary>The GP's building blocks against values computed independently (mpmath at 40 digits).</summary>
public sealed class GpNumericsTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(0.25, 0.82864914241812531)]
    [InlineData(1, 0.52399410883182031)]
    [InlineData(4, 0.13866021913850428)]
    public void Matern52_matches_reference_values(double s, double expected) =>
        Assert.Equal(expected, Matern52Kernel.Value(s), 1e-15);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(2.5)]
    public void Matern52_derivative_matches_a_central_difference(double s)
    {
        var h = 1e-6;
        var numeric = (Matern52Kernel.Value(s + h + 1e-3) - Matern52Kernel.Value(s - h + 1e-3)) / (2 * h);
        Assert.Equal(numeric, Matern52Kernel.Derivative(s + 1e-3), 1e-8);
    }

    [Fact]
    public void Hamming_and_inactive_terms_are_zero_or_one()
    {
        Assert.Equal(0, Matern52Kernel.Delta(2, 2, categorical: true));
        Assert.Equal(1, Matern52Kernel.Delta(0, 2, categorical: true));
        Assert.Equal(1, Matern52Kernel.Delta(double.NaN, 0.3, categorical: false));
        Assert.Equal(0, Matern52Kernel.Delta(double.NaN, double.NaN, categorical: false));
        Assert.Equal(0.25, Matern52Kernel.Delta(0.1, 0.6, categorical: false), 1e-15);
    }

    // log h(z), h(z) = zΦ(z) + φ(z), and Φ(z)/h(z), by mpmath; z = −30 and −100 are where plain EI underflows.
    [Theory]
    [InlineData(2.0, 0.69738354578822831, 0.48655931878528387)]
    [InlineData(0.0, -0.91893853320467274, 1.2533141373155003)]
    [InlineData(-1.0, -2.4851210257126413, 1.9042712333296918)]
    [InlineData(-2.9, -7.5208464928878732, 3.4445327294133315)]
    [InlineData(-3.0, -7.8696860596030285, 3.5323375176251605)]
    [InlineData(-5.0, -16.74430116266099, 5.3618162412880885)]
    [InlineData(-10.0, -55.553122036122356, 10.194383033412553)]
    [InlineData(-30.0, -457.724653760598, 30.066446154162419)]
    [InlineData(-100.0, -5010.1295788002498, 100.01999400419587)]
    public void Log_expected_improvement_is_accurate_far_into_the_tail(double z, double logH, double derivative)
    {
        var (value, slope) = LogExpectedImprovement.LogHWithDerivative(z);
        Assert.Equal(logH, value, Math.Abs(logH) * 1e-12);
        Assert.Equal(derivative, slope, derivative * 1e-9);
    }

    [Fact]
    public void Posterior_matches_a_hand_computed_one_dimensional_example()
    {
        double[][] x = [[0.1], [0.4], [0.9]];
        var posterior = new GpPosterior(x, [1, -0.5, 0.3], [false], new GpHyperparameters([4], 1.5, 0.01));

        var (mean, variance) = posterior.Predict([[0.6]]);

        Assert.Equal(-0.53744962128840424, mean[0], 1e-12);
        Assert.Equal(0.11257936993652795, variance[0], 1e-12);
    }

    [Fact]
    public void Posterior_interpolates_noise_free_points()
    {
        var random = new Random(4);
        var x = Enumerable.Range(0, 12).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(5 * p[0]) + (p[1] * p[1])).ToArray();
        var posterior = new GpPosterior(x, y, [false, false], new GpHyperparameters([3, 3], 1, GpFitter.MinimumNoise));

        var (mean, variance) = posterior.Predict(x);

        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(y[i], mean[i], 1e-4);
            Assert.True(variance[i] < 1e-5, $"variance {variance[i]} at an observed point");
        }
    }

    [Fact]
    public void Posterior_gradient_matches_central_differences()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 10).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.Next(3) }).ToArray();
        x[3][1] = double.NaN;
        var y = x.Select(p => p[0] - (double.IsNaN(p[1]) ? 0 : p[1]) + p[2]).ToArray();
        var posterior = new GpPosterior(x, y, [false, false, true], new GpHyperparameters([2, 5, 1], 1.2, 0.05));
        double[] point = [0.3, 0.6, 1];

        var (_, _, dMean, dVariance) = posterior.PredictWithGradient(point, [0, 1]);

        for (var g = 0; g < 2; g++)
        {
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[g] += 1e-6;
            down[g] -= 1e-6;
            var (mUp, vUp) = posterior.Predict([up]);
            var (mDown, vDown) = posterior.Predict([down]);
            Assert.Equal((mUp[0] - mDown[0]) / 2e-6, dMean[g], 1e-5);
            Assert.Equal((vUp[0] - vDown[0]) / 2e-6, dVariance[g], 1e-5);
        }
    }

    [Fact]
    public void Marginal_likelihood_gradient_matches_central_differences()
    {
        var random = new Random(9);
        var x = Enumerable.Range(0, 15).Select(_ => new[] { random.NextDouble(), random.Next(2), random.NextDouble() }).ToArray();
        x[2][2] = double.NaN;
        var y = x.Select(p => Math.Cos(3 * p[0]) + p[1] + (0.1 * random.NextDouble())).ToArray();
        var mean = y.Average();
        y = [.. y.Select(v => v - mean)];
        bool[] categorical = [false, true, false];
        var h = new GpHyperparameters([2, 0.5, 3], 0.8, 0.02);

        var (_, gradient) = GpFitter.NegativeLogPosterior(x, y, categorical, h);

        double At(int index, double delta)
        {
            var lambda = (double[])h.InverseSquaredLengthscales.Clone();
            var scale = h.KernelScale;
            var noiseAbove = h.NoiseVariance - GpFitter.MinimumNoise;
            if (index < 3)
            {
                lambda[index] *= Math.Exp(delta);
            }
            else if (index == 3)
            {
                scale *= Math.Exp(delta);
            }
            else
            {
                noiseAbove *= Math.Exp(delta);
            }

            return GpFitter.NegativeLogPosterior(x, y, categorical, new GpHyperparameters(lambda, scale, noiseAbove + GpFitter.MinimumNoise)).Value;
        }

        for (var i = 0; i < 5; i++)
        {
            var numeric = (At(i, 1e-5) - At(i, -1e-5)) / 2e-5;
            Assert.Equal(numeric, gradient[i], Math.Max(1e-5, Math.Abs(numeric) * 1e-5));
        }
    }

    [Fact]
    public void Fit_finds_a_short_lengthscale_on_the_relevant_dimension_and_little_noise_on_clean_data()
    {
        var random = new Random(2);
        var x = Enumerable.Range(0, 30).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(p => Math.Sin(6 * p[0])).ToArray();
        var mean = y.Average();
        var std = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        y = [.. y.Select(v => (v - mean) / std)];

        var h = GpFitter.Fit(x, y, [false, false], 50);

        Assert.True(h.InverseSquaredLengthscales[0] > 5 * h.InverseSquaredLengthscales[1], string.Join(", ", h.InverseSquaredLengthscales));
        Assert.True(h.NoiseVariance < 0.01, $"noise {h.NoiseVariance}");
    }

    [Fact]
    public void Scrambled_halton_points_are_deterministic_and_fill_the_unit_cube()
    {
        var a = new ScrambledHalton(3, new Random(1));
        var b = new ScrambledHalton(3, new Random(1));
        var points = Enumerable.Range(1, 512).Select(i => a.Point(i)).ToList();

        Assert.Equal(points[10], b.Point(11));
        Assert.All(points, p => Assert.All(p, v => Assert.InRange(v, 0, 1)));
        // Each of the 8 octants holds close to 1/8 of the points, as a low-discrepancy set should.
        var counts = points.GroupBy(p => (p[0] < 0.5 ? 0 : 1) + (p[1] < 0.5 ? 0 : 2) + (p[2] < 0.5 ? 0 : 4)).Select(g => g.Count()).ToList();
        Assert.Equal(8, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 56, 72));
    }

    [Fact]
    public void Power_warping_takes_a_log_scale_for_values_spanning_orders_of_magnitude_and_stays_near_identity_for_even_ones()
    {
        double[] heavy = [1, 2, 3, 10, 100, 1_000, 100_000];
        double[] even = [1, 2, 3, 4, 5, 6, 7, 8];

        var (warped, lambda) = PowerWarping.Apply(heavy);

        Assert.Equal(0, lambda);
        Assert.Equal(heavy.Order(), heavy.OrderBy(v => warped[Array.IndexOf(heavy, v)]));
        Assert.InRange(PowerWarping.Apply(even).Lambda, 0.5, 1);
        Assert.Equal([5.0, 5.0], PowerWarping.Apply([5.0, 5.0]).Values);
    }
}
