using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.3, -1, 2, -0.24240381788922694)]
    [InlineData(0.9, -1, 2, 1.2557153641502148)]
    [InlineData(0.5, 0.5, 3, 1.015458253405983)]
    [InlineData(0.01, 1.5, 4, 1.505175773613788)]
    [InlineData(0.99, -6, -1, -1.0065784331187033)]
    [InlineData(0.2, -0.1, 0.1, -0.059936015443878804)]
    [InlineData(0.7, -20, 20, 0.5244005127080404)]
    public void Truncated_quantile_matches_Optuna(double q, double a, double b, double expected) =>
        Assert.Equal(expected, StandardNormal.TruncatedQuantile(q, a, b), 1e-9);

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.5, 0)]
    public void Inverse_cdf_is_accurate_in_the_centre_and_tails(double p, double expected) =>
        Assert.Equal(expected, StandardNormal.InverseCdf(p), 1e-9);

    [Theory]
    [InlineData(-8, 6.22096057427178e-16)]
    [InlineData(-1, 0.15865525393145707)]
    [InlineData(2.5, 0.9937903346742238)]
    public void Cdf_is_accurate(double x, double expected) =>
        Assert.Equal(expected, StandardNormal.Cdf(x), expected * 1e-9);
}
