using AeSweep.Core.Search.Pruners;

namespace AeSweep.Core.Tests.Search.Pruners;

public sealed class LearningCurveForecastTests
{
    private static (int[] Steps, double[] Values) Curve(Func<int, double> f, int points)
    {
        var steps = Enumerable.Range(1, points).ToArray();
        return (steps, steps.Select(f).ToArray());
    }

    [Theory]
    // a + b·exp(−t/τ): from 6 points of a curve still falling fast, read at epoch 27.
    [InlineData(0.05, 0.5, 3.0, 6)]
    [InlineData(0.02, 0.4, 10.0, 9)]
    public void An_exponential_decay_is_recovered_from_its_first_points(double a, double b, double tau, int points)
    {
        double F(int t) => a + (b * Math.Exp(-t / tau));
        var (steps, values) = Curve(F, points);

        var forecast = LearningCurveForecast.Predict(steps, values, 27)!.Value;

        Assert.Equal("exponential", forecast.Family);
        // Within 5 % of the improvement still to come after the last point (the shape grid is not continuous).
        Assert.True(Math.Abs(forecast.Expected - F(27)) < 0.05 * (values[^1] - F(27)), $"{forecast.Expected} against {F(27)}");
    }

    [Theory]
    // a + b·t^(−c): heavy-tailed, still improving at the horizon.
    [InlineData(0.1, 0.6, 0.8, 8, 50)]
    [InlineData(0.02, 0.3, 1.5, 5, 27)]
    public void A_power_law_is_recovered_from_its_first_points(double a, double b, double c, int points, int horizon)
    {
        double F(int t) => a + (b * Math.Pow(t, -c));
        var (steps, values) = Curve(F, points);

        var forecast = LearningCurveForecast.Predict(steps, values, horizon)!.Value;

        Assert.Equal("power law", forecast.Family);
        Assert.True(Math.Abs(forecast.Expected - F(horizon)) < 0.05 * (values[^1] - F(horizon)), $"{forecast.Expected} against {F(horizon)}");
    }

    [Fact]
    public void A_flat_curve_is_forecast_at_its_plateau()
    {
        var (steps, values) = Curve(t => 0.3 + (0.001 * Math.Exp(-t)), 6);

        Assert.Equal(0.3, LearningCurveForecast.Predict(steps, values, 100)!.Value.Expected, 3);
    }

    [Fact]
    public void Fewer_than_four_points_give_no_forecast()
    {
        Assert.Null(LearningCurveForecast.Predict([1, 2, 3], [0.9, 0.5, 0.3], 27));
        Assert.NotNull(LearningCurveForecast.Predict([1, 2, 3, 4], [0.9, 0.5, 0.3, 0.2], 27));
    }

    [Fact]
    public void The_same_points_give_the_same_forecast_bit_for_bit()
    {
        var random = new Random(7);
        var steps = Enumerable.Range(1, 12).ToArray();
        var values = steps.Select(t => 0.05 + (0.4 * Math.Exp(-t / 4.0)) + (0.002 * random.NextDouble())).ToArray();

        var first = LearningCurveForecast.Predict(steps, values, 40)!.Value;
        var second = LearningCurveForecast.Predict([.. steps], [.. values], 40)!.Value;

        Assert.Equal(BitConverter.DoubleToInt64Bits(first.Expected), BitConverter.DoubleToInt64Bits(second.Expected));
        Assert.Equal(first, second);
    }
}
