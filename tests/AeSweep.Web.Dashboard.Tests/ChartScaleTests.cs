using AeSweep.Core.Trials;
using AeSweep.Web.Dashboard.Charts;

namespace AeSweep.Web.Dashboard.Tests;

public sealed class ChartScaleTests
{
    [Fact]
    public void Linear_scale_maps_domain_ends_onto_range_ends_and_flips_for_svg_y()
    {
        var y = new ChartScale(0, 10, 300, 20);
        Assert.Equal(300, y.Map(0), 6);
        Assert.Equal(20, y.Map(10), 6);
        Assert.Equal(160, y.Map(5), 6);
    }

    [Fact]
    public void Log_scale_puts_the_geometric_middle_in_the_middle()
    {
        var x = new ChartScale(0.001, 0.1, 0, 200, Log: true);
        Assert.Equal(100, x.Map(0.01), 6);
    }

    [Fact]
    public void Fit_pads_the_data_and_never_returns_an_empty_domain()
    {
        var padded = ChartScale.Fit([1, 3], 0, 100);
        Assert.True(padded.DomainMin < 1 && padded.DomainMax > 3);

        var single = ChartScale.Fit([0.05, 0.05], 0, 100);
        Assert.True(single.DomainMax > single.DomainMin);
        Assert.Equal(50, single.Map(0.05), 6);

        var empty = ChartScale.Fit([double.NaN], 0, 100);
        Assert.True(empty.DomainMax > empty.DomainMin);
    }

    [Fact]
    public void Ticks_are_round_and_inside_the_domain()
    {
        var ticks = new ChartScale(0.013, 0.097, 0, 1).Ticks(5);
        Assert.Equal([0.02, 0.04, 0.06, 0.08], ticks);
    }

    [Fact]
    public void Log_ticks_are_one_two_five_per_decade()
    {
        var ticks = new ChartScale(0.0008, 0.03, 0, 1, Log: true).Ticks(10);
        Assert.Equal([0.001, 0.002, 0.005, 0.01, 0.02], ticks);
    }

    [Theory]
    [InlineData(0.0123456, "0.0123")]
    [InlineData(13.987, "13.99")]
    [InlineData(1234.5, "1235")]
    [InlineData(0.000893, "8.93e-4")]
    [InlineData(0, "0")]
    public void Format_keeps_three_significant_digits(double value, string expected) =>
        Assert.Equal(expected, ChartScale.Format(value));

    [Fact]
    public void Polyline_lifts_the_pen_across_missing_points()
    {
        var scale = new ChartScale(0, 10, 0, 10);
        var path = SvgPaths.Polyline([new(1, 1), new(2, double.NaN), new(3, 3), new(4, 4)], scale, scale);
        Assert.Equal("M1 1 M3 3 L4 4", path);
    }

    [Fact]
    public void Step_path_goes_across_then_down()
    {
        var scale = new ChartScale(0, 10, 0, 10);
        Assert.Equal("M0 5 L2 5 L2 3", SvgPaths.Step([new(0, 5), new(2, 3)], scale, scale));
    }

    [Fact]
    public void Best_so_far_follows_the_goal()
    {
        ChartPoint[] points = [new(0, 3), new(1, 5), new(2, 1), new(3, 2)];
        Assert.Equal([3.0, 3, 1, 1], SweepCharts.BestSoFar(points, MetricGoal.Minimize).Select(p => p.Y));
        Assert.Equal([3.0, 5, 5, 5], SweepCharts.BestSoFar(points, MetricGoal.Maximize).Select(p => p.Y));
    }

    [Fact]
    public void Sequential_palette_runs_from_purple_to_yellow()
    {
        Assert.Equal("#440154", ChartPalette.Sequential(0));
        Assert.Equal("#fde725", ChartPalette.Sequential(1));
        Assert.Equal("#fde725", ChartPalette.Sequential(7));
    }

    [Fact]
    public void Completed_trials_never_get_the_colour_of_a_state()
    {
        string[] stateColours = [SweepCharts.PrunedColor, SweepCharts.RunningColor, SweepCharts.BestColor, "#9e9e9e"];

        var colours = Enumerable.Range(-3, 40).Select(ChartPalette.CompletedTrial).ToList();

        Assert.DoesNotContain(colours, stateColours.Contains);
        Assert.Equal(5, colours.Distinct().Count());
    }
}
