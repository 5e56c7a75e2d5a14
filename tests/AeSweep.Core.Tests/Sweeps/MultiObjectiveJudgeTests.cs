using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Sweeps;

/// <summary>How a multi-objective sweep's policy judges a completed trial: every objective present and finite.</summary>
public sealed class MultiObjectiveJudgeTests
{
    private static SweepPolicy Policy() => SweepPolicy.For(
        SweepDefinitionParser.Parse("""
            dataset: {name: synthetic, limit: 200}
            model: dense
            method: tpe
            metrics: [{name: val_mse}, {name: code_size}, {name: parameter_count}]
            parameters:
              code_size: {values: [2, 4]}
              epochs: {value: 1}
            budget: {max_trials: 4}
            """).Definition!,
        "val_mse",
        TimeProvider.System);

    private static readonly Dictionary<string, ParameterValue> CodeSize4 = new() { ["code_size"] = ParameterValue.Of(4L) };

    [Fact]
    public void Code_size_comes_from_the_configuration_and_is_stored_among_the_metrics()
    {
        var outcome = Policy().Judge(TrialState.Completed, new Dictionary<string, double> { ["val_mse"] = 0.02, ["parameter_count"] = 6000 }, null, 3, CodeSize4);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal([0.02, 4, 6000], outcome.ObjectiveValues);
        Assert.Equal(4, outcome.Metrics["code_size"]);
        Assert.Equal(0.02, outcome.Objective);
    }

    [Fact]
    public void A_completed_trial_without_an_objective_fails_with_its_name()
    {
        var outcome = Policy().Judge(TrialState.Completed, new Dictionary<string, double> { ["val_mse"] = 0.02 }, null, 3, CodeSize4);

        Assert.Equal(TrialState.Failed, outcome.State);
        Assert.Equal("the trial finished without reporting parameter_count", outcome.Reason);
        Assert.Null(outcome.ObjectiveValues);
    }

    [Fact]
    public void A_non_finite_objective_fails_the_trial_and_is_not_stored()
    {
        var outcome = Policy().Judge(TrialState.Completed, new Dictionary<string, double> { ["val_mse"] = 0.02, ["parameter_count"] = double.PositiveInfinity }, null, 3, CodeSize4);

        Assert.Equal(TrialState.Failed, outcome.State);
        Assert.DoesNotContain("parameter_count", outcome.Metrics.Keys);
    }
}
