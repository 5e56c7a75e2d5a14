using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Trials;
using static AeSweep.Core.Tests.Search.Pruners.TrialHistory;

namespace AeSweep.Core.Tests.Search.Pruners;

public sealed class SuccessiveHalvingPrunerTests
{
    private readonly SuccessiveHalvingPruner _asha = new(minResource: 1, reductionFactor: 3);

    [Fact]
    public void Rungs_sit_at_min_resource_times_powers_of_eta()
    {
        Assert.Equal([1L, 3, 9, 27], Enumerable.Range(0, 4).Select(_asha.RungStep));
        Assert.Equal([2L, 6, 18], Enumerable.Range(0, 3).Select(new SuccessiveHalvingPruner(2, 3).RungStep));
        Assert.Equal([9L, 27], Enumerable.Range(0, 2).Select(new SuccessiveHalvingPruner(1, 3, minEarlyStoppingRate: 2).RungStep));
    }

    [Theory]
    // Five trials already at rung 0 (step 1) with 0.1 … 0.5; the newcomer makes six, so the top ⌊6/3⌋ = 2 go on.
    [InlineData(0.05, false)]
    [InlineData(0.15, false)]
    [InlineData(0.2, false)] // a tie with the second best goes on, as in Optuna
    [InlineData(0.21, true)]
    [InlineData(0.25, true)]
    public void Promotion_at_a_rung_takes_the_top_third_of_those_that_reached_it(double value, bool pruned)
    {
        var others = new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }.Select((v, i) => Trial(i, TrialState.Running, v, v));

        var decision = _asha.ShouldPrune(Context(Trial(9, TrialState.Running, value), others));

        Assert.Equal(pruned, decision);
    }

    [Fact]
    public void Until_eta_trials_reach_a_rung_only_a_new_best_goes_on()
    {
        var first = Trial(0, TrialState.Running, 0.5);
        Assert.False(_asha.ShouldPrune(Context(first, [])));

        Assert.True(_asha.ShouldPrune(Context(Trial(1, TrialState.Running, 0.6), [first])));
        Assert.False(_asha.ShouldPrune(Context(Trial(1, TrialState.Running, 0.4), [first])));
    }

    [Fact]
    public void Nobody_waits_a_trial_is_judged_only_against_trials_that_reached_the_same_rung()
    {
        // Rung 1 is at step 3. Only trials 0 and 1 got there (0.30, 0.20); trial 2 was stopped at rung 0 with a
        // low early value but never reached step 3, so it is no competitor at rung 1.
        FrozenTrial[] others =
        [
            Trial(0, TrialState.Completed, 0.9, 0.6, 0.30, 0.2),
            Trial(1, TrialState.Running, 0.8, 0.5, 0.20),
            Trial(2, TrialState.Pruned, 0.01),
        ];

        // Three at rung 1 with the newcomer: the top ⌊3/3⌋ = 1 goes on, so 0.25 is pruned and 0.15 promoted.
        Assert.True(_asha.ShouldPrune(Context(Trial(5, TrialState.Running, 0.7, 0.5, 0.25), others)));
        Assert.False(_asha.ShouldPrune(Context(Trial(5, TrialState.Running, 0.7, 0.5, 0.15), others)));
    }

    [Fact]
    public void Steps_between_rungs_never_prune()
    {
        FrozenTrial[] others = [Trial(0, TrialState.Completed, 0.1, 0.1, 0.1, 0.1)];

        // Step 2 lies between rung 0 (step 1) and rung 1 (step 3); the rung-0 verdict was given at step 1.
        Assert.False(_asha.ShouldPrune(Context(Trial(1, TrialState.Running, 0.05, 0.9), others)));
    }

    [Fact]
    public void Maximize_promotes_the_largest_values()
    {
        var others = new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }.Select((v, i) => Trial(i, TrialState.Running, v));

        Assert.False(_asha.ShouldPrune(Context(Trial(9, TrialState.Running, 0.45), others, MetricGoal.Maximize)));
        Assert.True(_asha.ShouldPrune(Context(Trial(9, TrialState.Running, 0.35), others, MetricGoal.Maximize)));
    }

    [Fact]
    public void A_nan_value_at_a_rung_is_pruned() =>
        Assert.True(_asha.ShouldPrune(Context(Trial(0, TrialState.Running, double.NaN), [])));
}
