using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Web.Components.Charts;
using AeSweep.Web.Components.Sweep;
using AeSweep.Web.Dashboard.Charts;
using Bunit;
using MudBlazor;
using MudBlazor.Services;
using static AeSweep.Web.Dashboard.Tests.AnalysisFixtures;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>The analysis components rendered by bUnit: what a user sees in the markup, and brushing by clicks.</summary>
public sealed class AnalysisComponentTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();

    public AnalysisComponentTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
    }

    [Fact]
    public void Parallel_coordinates_dash_pruned_lines_show_n_a_and_a_clicked_category_greys_the_others()
    {
        var layout = ParallelCoordinatesLayout.Build(
            [
                new(1, "t1", P(("code_size", 4), ("beta", 0.5)), 0.1),
                new(2, "t2", P(("code_size", 8)), 0.2) { Pruned = true },
            ],
            ["code_size", "beta"], "val_mse", MetricGoal.Minimize, _ => false,
            choices: new Dictionary<string, IReadOnlyList<ParameterValue>> { ["code_size"] = Values(4, 8, 16) });
        var brush = new ParallelBrush();
        var changes = 0;
        var chart = _context.Render<ParallelCoordinates>(p => p
            .Add(c => c.Layout, layout)
            .Add(c => c.Brush, brush)
            .Add(c => c.BrushChanged, () => changes++));

        Assert.Single(chart.FindAll("path.pruned[stroke-dasharray]"));
        Assert.Equal(["4", "8", "16"], chart.FindAll("text.pc-tick.categorical").Select(t => t.TextContent).Take(3));
        Assert.Contains(chart.FindAll("text.pc-tick"), t => t.TextContent == "n/a");
        Assert.Contains("pruned (last reported value)", chart.Markup, StringComparison.Ordinal);

        chart.Find("rect.pc-category[data-axis='code_size'][data-category='4']").Click();

        Assert.Equal(1, changes);
        Assert.Equal(["t1"], brush.Selected(layout));
        chart.Render();
        Assert.Single(chart.FindAll("path.unselected"));
        Assert.Single(chart.FindAll("text.pc-tick.picked"));
    }

    [Fact]
    public void The_contour_plot_draws_every_cell_the_trials_and_a_colour_scale()
    {
        var layout = ContourLayout.Build(
            [Trial(1, 0.1, false, ("a", 1.0), ("b", 2.0)), Trial(2, 0.3, true, ("a", 3.0), ("b", 1.0)), Trial(3, 0.2, false, ("a", 2.0), ("b", 3.0))],
            "a", "b", new Dictionary<string, IReadOnlyList<ParameterValue>>(), _ => false, MetricGoal.Minimize, "val_mse", resolution: 8);

        var plot = _context.Render<ContourPlot>(p => p.Add(c => c.Layout, layout).Add(c => c.ValueTitle, "val_mse"));

        Assert.Equal(64, plot.FindAll("rect.contour-cell").Count);
        Assert.Equal(3, plot.FindAll("circle.contour-trial").Count);
        Assert.Single(plot.FindAll("circle.contour-trial.hollow"));
        Assert.Equal(5, plot.FindAll("rect.contour-legend").Count);
        Assert.Contains("val_mse (interpolated)", plot.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_plots_show_one_chart_per_parameter_with_the_listed_values()
    {
        var panels = SliceLayout.Build(
            [Trial(1, 0.1, false, ("width", 256), ("lr", 0.01)), Trial(2, 0.2, true, ("width", 256), ("lr", 0.001))],
            ["width", "lr"], new Dictionary<string, IReadOnlyList<ParameterValue>> { ["width"] = Values(256) }, name => name == "lr", "val_psnr");

        var plots = _context.Render<SlicePlots>(p => p.Add(c => c.Panels, panels).Add(c => c.YTitle, MetricText.AxisTitle("val_psnr")));

        Assert.Equal(2, plots.FindAll(".slice-plot").Count);
        Assert.Equal(["256"], plots.Find(".slice-plot[data-parameter='width']").QuerySelectorAll("text.tick.categorical").Select(t => t.TextContent));
        Assert.Equal(2, plots.FindAll("circle.hollow").Count);
        Assert.Contains("val_psnr (dB)", plots.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_history_panel_labels_its_axes_with_units_and_draws_pruned_trials_hollow()
    {
        _context.Render<MudPopoverProvider>();
        var rows = new[]
        {
            Row(1, TrialState.Completed, 27.5, P(), new Dictionary<string, double> { ["val_psnr"] = 27.5 }),
            Row(2, TrialState.Pruned, null, P(), new Dictionary<string, double> { ["val_psnr"] = 22.0 }),
        };
        var trials = new[] { new Analysis.AnalysisTrial(rows[0], 27.5, false), new Analysis.AnalysisTrial(rows[1], 22.0, true) };

        var panel = _context.Render<HistoryPanel>(p => p
            .Add(c => c.Trials, trials)
            .Add(c => c.Rows, rows)
            .Add(c => c.Epochs, new Dictionary<string, IReadOnlyList<EpochRecord>> { ["t1"] = [new EpochRecord(1, new Dictionary<string, double> { ["val_psnr"] = 25.0 }, 1, DateTimeOffset.UnixEpoch)] })
            .Add(c => c.Goal, MetricGoal.Maximize)
            .Add(c => c.MetricName, "val_psnr")
            .Add(c => c.IncludePruned, true));

        Assert.Contains("val_psnr (dB)", panel.Find("#history-chart").TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("#history-chart circle.hollow"));
        Assert.Contains("best so far", panel.Find("#history-chart").TextContent, StringComparison.Ordinal);
        Assert.Contains("pruned trial", panel.Find("#history-chart").TextContent, StringComparison.Ordinal);
        Assert.Contains("val_psnr (dB)", panel.Find(".learning-curves-chart").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_brush_notice_says_how_many_trials_are_shown_and_clears()
    {
        var cleared = false;
        var notice = _context.Render<BrushFilterNotice>(p => p
            .Add(c => c.Shown, 3).Add(c => c.Total, 24).Add(c => c.Description, "code_size ∈ {8}").Add(c => c.OnClear, () => cleared = true));

        Assert.Contains("3 of 24 trials shown", notice.Markup, StringComparison.Ordinal);
        notice.Find(".brush-filter-clear").Click();
        Assert.True(cleared);
        Assert.Empty(_context.Render<BrushFilterNotice>(p => p.Add(c => c.Description, null)).Markup.Trim());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync() => await _context.DisposeAsync();
}
