using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Web.Dashboard.Analysis;
using AeSweep.Web.Dashboard.Charts;
using static AeSweep.Web.Dashboard.Tests.AnalysisFixtures;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>The analysis charts' math: pruned trials taking part, categorical axes, n/a slots, brushing, EDF, contour, slices, units.</summary>
public sealed class AnalysisLayoutTests
{
    private static ParallelCoordinatesLayout.Trial PcTrial(int number, double objective, bool pruned = false, params (string Name, object Value)[] parameters) =>
        new(number, $"t{number}", P(parameters), objective) { Pruned = pruned };

    [Fact]
    public void Pruned_trials_take_part_with_their_last_reported_value_only_when_included()
    {
        var rows = new[]
        {
            Row(1, TrialState.Completed, 0.02, P(("code_size", 8))),
            Row(2, TrialState.Pruned, null, P(("code_size", 4))),
            Row(3, TrialState.Failed, null, P(("code_size", 2))),
        };
        var epochs = new Dictionary<string, IReadOnlyList<EpochRecord>> { ["t2"] = [Epoch(1, 0.09, 0.1), Epoch(2, 0.05, 0.06)] };

        var without = AnalysisTrials.Select(rows, epochs, "val_mse", MetricGoal.Minimize, includePruned: false);
        var with = AnalysisTrials.Select(rows, epochs, "val_mse", MetricGoal.Minimize, includePruned: true);

        Assert.Equal(["t1"], without.Select(t => t.Id));
        Assert.Equal(["t1", "t2"], with.Select(t => t.Id));
        Assert.True(with[1].Pruned);
        Assert.Equal(0.05, with[1].Objective);
    }

    [Fact]
    public void Include_pruned_starts_on_while_fewer_than_six_trials_completed()
    {
        var four = Enumerable.Range(1, 4).Select(n => Row(n, TrialState.Completed, 0.1, P())).Append(Row(9, TrialState.Pruned, null, P())).ToList();
        var six = Enumerable.Range(1, 6).Select(n => Row(n, TrialState.Completed, 0.1, P())).ToList();

        Assert.True(AnalysisTrials.DefaultIncludePruned(four));
        Assert.False(AnalysisTrials.DefaultIncludePruned(six));
    }

    [Fact]
    public void A_values_parameter_gets_exactly_its_listed_values_as_ticks()
    {
        var choices = new Dictionary<string, IReadOnlyList<ParameterValue>> { ["code_size"] = Values(16, 32, 64), ["width"] = Values(256) };
        var layout = ParallelCoordinatesLayout.Build(
            [PcTrial(1, 0.1, false, ("code_size", 32), ("width", 256)), PcTrial(2, 0.2, false, ("code_size", 64), ("width", 256))],
            ["code_size", "width"], "val_mse", MetricGoal.Minimize, _ => false, choices: choices);

        Assert.True(layout.Axes[0].Categorical);
        Assert.Equal(["16", "32", "64"], layout.Axes[0].Ticks.Select(t => t.Label));
        Assert.Equal(["256"], layout.Axes[1].Ticks.Select(t => t.Label));
        // Listed order, bottom to top: 16 lowest on the screen (largest y).
        Assert.True(layout.Axes[0].Ticks[0].Y > layout.Axes[0].Ticks[2].Y);
    }

    [Fact]
    public void A_trial_without_a_conditional_parameter_runs_through_the_n_a_slot()
    {
        var layout = ParallelCoordinatesLayout.Build(
            [PcTrial(1, 0.1, false, ("a", 1.0), ("beta", 0.5)), PcTrial(2, 0.2, false, ("a", 2.0)), PcTrial(3, 0.3, false, ("a", 3.0), ("beta", 1.5))],
            ["a", "beta"], "val_mse", MetricGoal.Minimize, _ => false);

        var beta = layout.Axes[1];
        Assert.NotNull(beta.NotApplicableY);
        Assert.Contains(beta.Ticks, t => t.Label == ParallelCoordinatesLayout.NotApplicable);
        Assert.Null(layout.Axes[0].NotApplicableY);
        var without = layout.Lines.Single(l => l.Number == 2);
        Assert.Equal(beta.NotApplicableY, without.Points[1].Y);
        Assert.Equal(1, ParallelCoordinatesLayout.PathOf(without).Count(c => c == 'M'));
        // The values stay above the n/a slot.
        Assert.All(layout.Lines.Where(l => l.Number != 2), l => Assert.True(l.Points[1].Y < beta.NotApplicableY - 20));
    }

    [Fact]
    public void Brushing_a_category_a_range_and_n_a_selects_the_matching_trials()
    {
        var layout = ParallelCoordinatesLayout.Build(
            [
                PcTrial(1, 0.10, false, ("loss", "mse"), ("lr", 0.001), ("beta", 0.5)),
                PcTrial(2, 0.20, true, ("loss", "bce"), ("lr", 0.01)),
                PcTrial(3, 0.30, false, ("loss", "mse"), ("lr", 0.1), ("beta", 2.0)),
            ],
            ["loss", "lr", "beta"], "val_mse", MetricGoal.Minimize, name => name == "lr");
        var brush = new ParallelBrush();
        Assert.Equal(3, brush.Selected(layout).Count);

        brush.ToggleCategory("loss", "mse");
        Assert.Equal(["t1", "t3"], brush.Selected(layout).Order());

        brush.SetRange("lr", 0.05, 0.0005);
        Assert.Equal(["t1"], brush.Selected(layout));

        brush.ClearAxis("lr");
        brush.ToggleCategory("loss", "mse");
        brush.ToggleCategory("beta", ParallelCoordinatesLayout.NotApplicable);
        Assert.Equal(["t2"], brush.Selected(layout));
        Assert.Contains("beta", brush.Describe(), StringComparison.Ordinal);

        brush.Clear();
        Assert.True(brush.IsEmpty);
        Assert.True(layout.Lines.Single(l => l.Number == 2).Pruned);
    }

    [Fact]
    public void Inverting_a_scale_gives_back_the_value_on_linear_and_log_axes()
    {
        var linear = new ChartScale(0, 10, 300, 0);
        var log = new ChartScale(1e-4, 1e-1, 300, 0, Log: true);

        Assert.Equal(2.5, ParallelCoordinatesLayout.Invert(linear, linear.Map(2.5)), 9);
        Assert.Equal(0.003, ParallelCoordinatesLayout.Invert(log, log.Map(0.003)), 9);
    }

    [Fact]
    public void The_edf_steps_up_by_each_trials_share_and_ends_at_one()
    {
        var steps = EdfLayout.Steps([3.0, 1.0, 2.0, 2.0, double.NaN]);

        Assert.Equal([new ChartPoint(1, 0.25), new ChartPoint(2, 0.75), new ChartPoint(3, 1)], steps);
        Assert.Empty(EdfLayout.Steps([]));
    }

    [Fact]
    public void The_edf_has_a_series_with_pruned_trials_only_when_some_were_pruned()
    {
        var completed = EdfLayout.SweepSets([Trial(1, 0.1, false), Trial(2, 0.2, false)]);
        var both = EdfLayout.SweepSets([Trial(1, 0.1, false), Trial(2, 0.3, true)]);

        Assert.Single(completed);
        Assert.Equal(2, both.Count);
        Assert.Equal([0.1, 0.3], both[1].Values);
        Assert.Equal(SeriesStyle.Step, EdfLayout.Series(both)[0].Style);
    }

    [Fact]
    public void Inverse_distance_weighting_passes_through_the_trials_and_averages_between_two()
    {
        var samples = new List<(double, double, double)> { (0, 0, 1.0), (1, 0, 3.0) };

        Assert.Equal(1.0, ContourLayout.Interpolate(samples, 0, 0), 9);
        Assert.Equal(2.0, ContourLayout.Interpolate(samples, 0.5, 0), 9);
        Assert.True(ContourLayout.Interpolate(samples, 0.1, 0) < 1.5);
    }

    [Fact]
    public void The_contour_grid_covers_the_plot_with_trials_legend_and_category_bands()
    {
        var choices = new Dictionary<string, IReadOnlyList<ParameterValue>> { ["code_size"] = Values(4, 8, 16) };
        var trials = new[]
        {
            Trial(1, 0.10, false, ("code_size", 16), ("lr", 0.01)),
            Trial(2, 0.30, false, ("code_size", 4), ("lr", 0.001)),
            Trial(3, 0.20, true, ("code_size", 8), ("lr", 0.003)),
        };

        var layout = ContourLayout.Build(trials, "code_size", "lr", choices, name => name == "lr", MetricGoal.Minimize, "val_mse", resolution: 10)!;

        Assert.Equal(100, layout.Cells.Count);
        Assert.Equal(["4", "8", "16"], layout.XTicks.Select(t => t.Label));
        Assert.Equal(3, layout.Marks.Count);
        Assert.True(layout.Marks.Single(m => m.TrialId == "t3").Pruned);
        // The legend runs from the worst value at the bottom to the best at the top, best in viridis yellow.
        Assert.Equal(0.30, layout.Legend[0].Value, 9);
        Assert.Equal(0.10, layout.Legend[^1].Value, 9);
        Assert.Equal("#fde725", layout.Legend[^1].Color);
        Assert.All(layout.Cells, c => Assert.InRange(c.Value, 0.10, 0.30));
        Assert.Null(ContourLayout.Build(trials.Take(1).ToList(), "code_size", "lr", choices, _ => false, MetricGoal.Minimize, "val_mse"));
    }

    [Fact]
    public void Slices_have_one_panel_per_parameter_with_categorical_ticks_for_listed_values()
    {
        var choices = new Dictionary<string, IReadOnlyList<ParameterValue>> { ["width"] = Values(256) };
        var panels = SliceLayout.Build(
            [Trial(1, 0.1, false, ("width", 256), ("lr", 0.01)), Trial(2, 0.2, true, ("width", 256), ("lr", 0.001))],
            ["width", "lr"], choices, name => name == "lr", "val_mse");

        Assert.Equal(["width", "lr"], panels.Select(p => p.Parameter));
        Assert.True(panels[0].Categorical);
        Assert.Equal(["256"], panels[0].XTicks.Select(t => t.Label));
        Assert.False(panels[1].Categorical);
        Assert.Equal(2, panels[1].Marks.Count);
        Assert.Single(panels[1].Marks, m => m.Pruned);
    }

    [Fact]
    public void History_draws_pruned_trials_hollow_and_the_best_so_far_from_completed_ones_only()
    {
        var series = AnalysisCharts.History([Trial(1, 0.3, false), Trial(2, 0.05, true), Trial(3, 0.2, false)], MetricGoal.Minimize, "val_mse");

        var pruned = series.Single(s => s.Hollow);
        Assert.Equal([new ChartPoint(2, 0.05)], pruned.Points);
        var best = series.Single(s => s.Style == SeriesStyle.Step);
        Assert.Equal([0.3, 0.2], best.Points.Select(p => p.Y));
    }

    [Fact]
    public void Metrics_that_share_a_unit_share_a_chart_and_axis_titles_carry_units()
    {
        var groups = AnalysisCharts.UnitGroups(["val_mse", "val_psnr", "train_loss"]);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["val_mse", "train_loss"], groups[0]);
        Assert.Equal("val_psnr (dB)", MetricText.AxisTitle("val_psnr"));
        Assert.Equal("val_mse", MetricText.AxisTitle("val_mse"));
        Assert.Equal("train_seconds (s)", MetricText.AxisTitle("train_seconds"));
        Assert.Equal("1:15", MetricText.Duration(TimeSpan.FromSeconds(75)));
        Assert.Equal("42.0 s", MetricText.Duration(TimeSpan.FromSeconds(42)));
        Assert.Equal("—", MetricText.Duration(null));
    }

    [Fact]
    public void Learning_curves_of_two_metrics_colour_by_metric_and_dash_pruned_trials()
    {
        var rows = new[] { Row(1, TrialState.Completed, 0.02, P()), Row(2, TrialState.Pruned, null, P()) };
        var epochs = new Dictionary<string, IReadOnlyList<EpochRecord>>
        {
            ["t1"] = [Epoch(1, 0.05, 0.06), Epoch(2, 0.02, 0.03)],
            ["t2"] = [Epoch(1, 0.09, 0.1)],
        };

        var series = AnalysisCharts.LearningCurves(rows, epochs, ["val_mse", "train_loss"], includePruned: true);
        var without = AnalysisCharts.LearningCurves(rows, epochs, ["val_mse", "train_loss"], includePruned: false);

        Assert.Equal(4, series.Count);
        Assert.Equal(2, series.Select(s => s.Color).Distinct().Count());
        Assert.Equal(2, series.Count(s => s.Style == SeriesStyle.DashedLine));
        Assert.Equal(2, without.Count);
    }
}
