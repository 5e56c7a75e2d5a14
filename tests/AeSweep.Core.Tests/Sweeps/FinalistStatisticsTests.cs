using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Sweeps;

/// <summary>Which trials become finalists, and the mean and sample std of their runs.</summary>
public sealed class FinalistStatisticsTests
{
    private static FrozenTrial Trial(int number, TrialState state, double? value) =>
        FrozenTrial.Start(number, ImmutableDictionary<string, ParameterValue>.Empty) with { State = state, Value = value };

    [Fact]
    public void Finalists_are_the_best_completed_trials_by_the_goal_ties_by_number()
    {
        FrozenTrial[] trials =
        [
            Trial(0, TrialState.Completed, 0.5),
            Trial(1, TrialState.Pruned, 0.1),
            Trial(2, TrialState.Completed, 0.2),
            Trial(3, TrialState.Completed, 0.2),
            Trial(4, TrialState.Failed, null),
            Trial(5, TrialState.Completed, double.NaN),
        ];

        Assert.Equal([2, 3], FinalistSelection.Pick(trials, MetricGoal.Minimize, 2));
        Assert.Equal([0, 2, 3], FinalistSelection.Pick(trials, MetricGoal.Maximize, 5));
    }

    [Fact]
    public void Spread_is_the_mean_and_the_sample_standard_deviation_per_metric()
    {
        var spread = SeedSpread.Of(
        [
            new Dictionary<string, double> { ["val_mse"] = 1.0, ["val_ssim"] = 0.5 },
            new Dictionary<string, double> { ["val_mse"] = 2.0 },
            new Dictionary<string, double> { ["val_mse"] = 4.0, ["val_psnr"] = double.NaN },
        ]);

        Assert.Equal(7.0 / 3, spread.Mean["val_mse"], 12);
        // Sample std (n − 1): deviations −4/3, −1/3, 5/3 → (16 + 1 + 25) / 9 / 2 = 7/3.
        Assert.Equal(Math.Sqrt(7.0 / 3), spread.Std["val_mse"], 12);
        Assert.Equal(3, spread.Count["val_mse"]);
        Assert.Equal(0.5, spread.Mean["val_ssim"]);
        Assert.False(spread.Std.ContainsKey("val_ssim"));
        Assert.False(spread.Mean.ContainsKey("val_psnr"));
    }
}
