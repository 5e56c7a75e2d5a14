using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Web.Dashboard.Charts;

namespace AeSweep.Web.Dashboard.Tests;

public sealed class ParallelCoordinatesLayoutTests
{
    private static ParallelCoordinatesLayout.Trial Trial(int number, double objective, params (string Name, ParameterValue Value)[] parameters) =>
        new(number, $"t-{number}", parameters.ToDictionary(p => p.Name, p => p.Value), objective);

    [Fact]
    public void One_axis_per_parameter_plus_the_objective_evenly_spaced()
    {
        var layout = ParallelCoordinatesLayout.Build(
            [Trial(0, 0.2, ("depth", ParameterValue.Of(1L)), ("loss", ParameterValue.Of("mse"))), Trial(1, 0.1, ("depth", ParameterValue.Of(3L)), ("loss", ParameterValue.Of("bce")))],
            ["depth", "loss"], "val_mse", MetricGoal.Minimize, _ => false, width: 400, height: 200);

        Assert.Equal(["depth", "loss", "val_mse"], layout.Axes.Select(a => a.Name));
        var xs = layout.Axes.Select(a => a.X).ToArray();
        Assert.Equal(xs[1] - xs[0], xs[2] - xs[1], 6);
        Assert.True(layout.Axes[1].Categorical);
        Assert.Equal(["bce", "mse"], layout.Axes[1].Ticks.Select(t => t.Label));
        Assert.All(layout.Axes[0].Ticks, t => Assert.DoesNotContain(".", t.Label));
    }

    [Fact]
    public void Best_trial_is_drawn_last_in_yellow()
    {
        var layout = ParallelCoordinatesLayout.Build(
            [Trial(0, 0.1, ("a", ParameterValue.Of(1.0))), Trial(1, 0.3, ("a", ParameterValue.Of(2.0))), Trial(2, 0.2, ("a", ParameterValue.Of(3.0)))],
            ["a"], "val_mse", MetricGoal.Minimize, _ => false);

        Assert.Equal(0, layout.Lines[^1].Number);
        Assert.Equal("#fde725", layout.Lines[^1].Color);
        Assert.Equal("#440154", layout.Lines[0].Color);
    }

    [Fact]
    public void A_trial_without_a_conditional_parameter_keeps_its_line_through_that_axis()
    {
        var layout = ParallelCoordinatesLayout.Build(
            [Trial(0, 0.1, ("a", ParameterValue.Of(1.0)), ("beta", ParameterValue.Of(0.5))), Trial(1, 0.2, ("a", ParameterValue.Of(2.0)))],
            ["a", "beta"], "val_mse", MetricGoal.Minimize, _ => false);

        var without = layout.Lines.Single(l => l.Number == 1);
        Assert.Equal(layout.Axes[1].NotApplicableY, without.Points[1].Y);
        Assert.Equal(1, ParallelCoordinatesLayout.PathOf(without).Count(c => c == 'M'));
    }

    [Fact]
    public void Categories_are_spaced_evenly_bottom_to_top()
    {
        var positions = ParallelCoordinatesLayout.Categorical(["a", "b", "c"], 100, 0);
        Assert.Equal(100, positions["a"]);
        Assert.Equal(50, positions["b"]);
        Assert.Equal(0, positions["c"]);
        Assert.Equal(50, ParallelCoordinatesLayout.Categorical(["only"], 100, 0)["only"]);
    }
}
