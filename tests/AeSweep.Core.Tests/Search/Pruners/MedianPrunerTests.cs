using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Trials;
using static AeSweep.Core.Tests.Search.Pruners.TrialHistory;

namespace AeSweep.Core.Tests.Search.Pruners;

public sealed class MedianPrunerTests
{
    // Completed trials with values 0.1 … 0.5 at every one of five steps: the median is 0.3 at each step.
    private static readonly FrozenTrial[] Completed =
        [.. new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }.Select((v, i) => Trial(i, TrialState.Completed, v, v, v, v, v))];

    [Fact]
    public void Prunes_a_trial_whose_best_value_is_worse_than_the_median_at_its_step()
    {
        var pruner = new MedianPruner(startupTrials: 5, warmupSteps: 0);

        Assert.True(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.35, 0.31), Completed)));
        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.35, 0.29), Completed)));
        // Best so far, not the latest: an earlier good value keeps it alive.
        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.25, 0.45), Completed)));
    }

    [Fact]
    public void No_pruning_before_enough_trials_have_completed()
    {
        var pruner = new MedianPruner(startupTrials: 6);

        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.9), Completed)));
        Assert.True(new MedianPruner(startupTrials: 5).ShouldPrune(Context(Trial(9, TrialState.Running, 0.9), Completed)));
    }

    [Fact]
    public void Running_and_pruned_trials_do_not_count_towards_startup_or_the_median()
    {
        var others = Completed.Take(2).Concat([Trial(2, TrialState.Running, 0.9, 0.9), Trial(3, TrialState.Pruned, 0.9)]);

        Assert.False(new MedianPruner(startupTrials: 3).ShouldPrune(Context(Trial(9, TrialState.Running, 0.9), others)));
        // Median of the two completed (0.1, 0.2) is 0.15.
        Assert.True(new MedianPruner(startupTrials: 2).ShouldPrune(Context(Trial(9, TrialState.Running, 0.16), others)));
    }

    [Fact]
    public void Warmup_steps_always_run()
    {
        var pruner = new MedianPruner(startupTrials: 1, warmupSteps: 2);

        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.9), Completed)));
        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.9, 0.9), Completed)));
        Assert.True(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.9, 0.9, 0.9), Completed)));
    }

    [Fact]
    public void Maximize_prunes_values_below_the_median()
    {
        var pruner = new MedianPruner(startupTrials: 1);

        Assert.True(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.25), Completed, MetricGoal.Maximize)));
        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.35), Completed, MetricGoal.Maximize)));
    }

    [Fact]
    public void A_trial_with_only_nan_values_is_pruned_and_nan_beside_numbers_is_ignored()
    {
        var pruner = new MedianPruner(startupTrials: 1);

        Assert.True(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, double.NaN), Completed)));
        Assert.False(pruner.ShouldPrune(Context(Trial(9, TrialState.Running, 0.1, double.NaN), Completed)));
    }
}
