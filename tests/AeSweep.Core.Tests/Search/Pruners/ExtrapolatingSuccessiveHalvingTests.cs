using AeSweep.Core.Definitions;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Trials;
using static AeSweep.Core.Tests.Search.Pruners.TrialHistory;

namespace AeSweep.Core.Tests.Search.Pruners;

/// <summary>ASHA with <c>extrapolate: true</c>: rungs rank where the curves are heading, not where they are.</summary>
public sealed class ExtrapolatingSuccessiveHalvingTests
{
    private const int Epochs = 27;

    private static double[] Exponential(double a, double b, double tau, int points) =>
        [.. Enumerable.Range(1, points).Select(t => a + (b * Math.Exp(-t / tau)))];

    // Five fast starters that flattened early at 0.06 … 0.10 and ran to the end.
    private static FrozenTrial[] FastStarters() =>
        [.. Enumerable.Range(0, 5).Select(i => Trial(i, TrialState.Completed, Exponential(0.06 + (0.01 * i), 0.4, 1.5, Epochs)))];

    [Fact]
    public void A_slow_starter_heading_below_the_rung_is_kept_where_plain_asha_prunes_it()
    {
        // At epoch 4 it is at 0.40, far behind the others' 0.1–0.2, but falling towards 0.03.
        var slow = Trial(9, TrialState.Running, Exponential(0.03, 0.5, 10, 4));

        Assert.True(new SuccessiveHalvingPruner(4, 3).ShouldPrune(Context(slow, FastStarters())));
        Assert.False(new SuccessiveHalvingPruner(4, 3, forecastHorizon: Epochs).ShouldPrune(Context(slow, FastStarters())));
    }

    [Fact]
    public void A_curve_that_has_flattened_above_the_cut_off_is_pruned()
    {
        // Five steady learners at 0.28–0.32 at epoch 4, heading to 0.03–0.07. The newcomer is at 0.21 at epoch 4 —
        // ahead of all of them — but it has levelled off at 0.2.
        FrozenTrial[] steady = [.. Enumerable.Range(0, 5).Select(i => Trial(i, TrialState.Completed, Exponential(0.03 + (0.01 * i), 0.5, 6, Epochs)))];
        var flat = Trial(9, TrialState.Running, Exponential(0.2, 0.3, 1, 4));
        Assert.True(flat.IntermediateValues[4] < steady.Min(t => t.IntermediateValues[4]));

        Assert.False(new SuccessiveHalvingPruner(4, 3).ShouldPrune(Context(flat, steady)));
        Assert.True(new SuccessiveHalvingPruner(4, 3, forecastHorizon: Epochs).ShouldPrune(Context(flat, steady)));
    }

    [Fact]
    public void A_rung_before_the_fourth_report_is_passed_since_no_curve_can_be_read_from_three_points()
    {
        var asha = new SuccessiveHalvingPruner(1, 3, forecastHorizon: Epochs);

        // Rung 0 (epoch 1) and rung 1 (epoch 3): however bad, the trial goes on.
        Assert.False(asha.ShouldPrune(Context(Trial(9, TrialState.Running, 5.0), FastStarters())));
        Assert.False(asha.ShouldPrune(Context(Trial(9, TrialState.Running, 5.0, 5.0, 5.0), FastStarters())));
    }

    [Fact]
    public void Maximised_metrics_are_judged_as_the_mirrored_minimised_ones()
    {
        static FrozenTrial Mirror(FrozenTrial t) => Trial(t.Number, t.State, [.. t.IntermediateValues.Values.Select(v => -v)]);
        var asha = new SuccessiveHalvingPruner(4, 3, forecastHorizon: Epochs);
        var others = FastStarters().Select(Mirror).ToArray();

        Assert.False(asha.ShouldPrune(Context(Mirror(Trial(9, TrialState.Running, Exponential(0.03, 0.5, 10, 4))), others, MetricGoal.Maximize)));
        Assert.True(asha.ShouldPrune(Context(Mirror(Trial(9, TrialState.Running, Exponential(0.2, 0.5, 1, 4))), others, MetricGoal.Maximize)));
    }

    [Fact]
    public void The_same_history_gives_the_same_decisions_in_a_new_pruner()
    {
        var random = new Random(11);
        var trials = Enumerable.Range(0, 60)
            .Select(i => Trial(i, TrialState.Running, [.. Enumerable.Range(1, 4 + (i % 10)).Select(t => 0.02 + (0.5 * Math.Exp(-t / (1 + (9 * random.NextDouble())))))]))
            .ToArray();

        bool[] Decide(SuccessiveHalvingPruner p) => [.. trials.Select(t => p.ShouldPrune(Context(t, trials.Where(o => o.Number != t.Number))))];
        var first = new SuccessiveHalvingPruner(4, 2, forecastHorizon: Epochs);

        Assert.Equal(Decide(first), Decide(new SuccessiveHalvingPruner(4, 2, forecastHorizon: Epochs)));
        Assert.Equal(Decide(first), Decide(first)); // and again from the cached fits
        Assert.Contains(true, Decide(first));
        Assert.Contains(false, Decide(first));
    }

    [Fact]
    public void The_factory_reads_curves_at_the_sweeps_epochs_for_asha_and_hyperband()
    {
        var spec = new EarlyTerminateSpec(EarlyTerminateType.Asha, MinEpochs: 4) { Extrapolate = true };

        Assert.Equal(30, Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create(spec, epochs: 30)).ForecastHorizon);
        Assert.Equal(20, Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create(spec with { MaxEpochs = 20 }, epochs: 30)).ForecastHorizon);
        Assert.True(Assert.IsType<HyperbandPruner>(PrunerFactory.Create(spec with { Type = EarlyTerminateType.Hyperband }, epochs: 30)).Extrapolate);
        Assert.Null(Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create(spec with { Extrapolate = false }, epochs: 30)).ForecastHorizon);
        Assert.Throws<ArgumentException>(() => PrunerFactory.Create(spec));
    }
}
