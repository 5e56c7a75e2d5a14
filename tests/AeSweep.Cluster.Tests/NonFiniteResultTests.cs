using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Tests;

/// <summary>A worker's report of a completed trial whose objective is NaN or infinite, on a real cluster and store.</summary>
public sealed class NonFiniteResultTests : IAsyncLifetime
{
    private const string Sweep = """
        name: non-finite
        program: [python3, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
        budget: {max_trials: 4, max_parallel: 2}
        seed: 5
        """;

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.NaN, "NaN")]
    public async Task A_completed_trial_with_a_non_finite_objective_fails_and_keeps_no_value(double loss, string shown)
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var assignment = (await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1))[0];

        await coordinator.CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = loss, ["accuracy"] = 0.5 }, [], null, 1));

        var trial = (await _cluster.Store.GetTrialAsync(assignment.Lease.TrialId, CancellationToken.None))!;
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Equal($"the trainer reported a non-finite loss ({shown})", trial.Reason);
        Assert.Null(trial.ObjectiveValue);
        Assert.False(trial.FinalMetrics!.ContainsKey("loss"));
        Assert.Equal(0.5, trial.FinalMetrics["accuracy"]);
        // The sweep goes on: the failed trial's slot is filled again.
        var counts = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(3, counts.Values.Sum());
    }
}
