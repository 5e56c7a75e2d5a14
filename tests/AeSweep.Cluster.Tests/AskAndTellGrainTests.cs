using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage;

namespace AeSweep.Cluster.Tests;

/// <summary>Ask-and-tell through the coordinator grain: trials for a trainer outside AeSweep, within the sweep's budget.</summary>
public sealed class AskAndTellGrainTests : IAsyncLifetime
{
    private const string Sweep = """
        name: outside
        program: {ask_tell: true}
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
        budget: {max_trials: 3, max_parallel: 2}
        seed: 5
        """;

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Asked_trials_run_on_the_api_worker_and_no_worker_can_lease_them()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);

        Assert.Equal(0, (await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None)).Values.Sum());
        var asked = (await coordinator.AskAsync()).Trial!;

        var stored = (await _cluster.Store.GetTrialAsync(asked.TrialId, CancellationToken.None))!;
        Assert.Equal((TrialState.Running, AskedTrial.WorkerId), (stored.State, stored.WorkerId));
        Assert.InRange(asked.Parameters["x"].AsDouble(), -5.0, 5.0);
        Assert.Empty(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 4));
    }

    [Fact]
    public async Task Told_results_are_recorded_and_the_budget_ends_the_sweep()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);

        var first = (await coordinator.AskAsync()).Trial!;
        var second = (await coordinator.AskAsync()).Trial!;
        Assert.Contains("max_parallel", (await coordinator.AskAsync()).Refusal, StringComparison.Ordinal);

        var told = await coordinator.TellAsync(new TrialTell(first.TrialId, TrialState.Completed, 0.25, new() { [1] = 0.5, [2] = 0.3 }, null));
        Assert.Equal((TellOutcome.Recorded, TrialState.Completed), (told.Outcome, told.State));
        Assert.Equal(TellOutcome.AlreadyFinished, (await coordinator.TellAsync(new TrialTell(first.TrialId, TrialState.Completed, 0.1, [], null))).Outcome);
        var third = (await coordinator.AskAsync()).Trial!;
        Assert.NotEqual(second.Parameters["x"], third.Parameters["x"]);
        Assert.Equal("budget.max_trials reached", (await coordinator.AskAsync()).Refusal);

        await coordinator.TellAsync(new TrialTell(second.TrialId, TrialState.Pruned, null, new() { [1] = 9.0 }, "outside pruner"));
        await coordinator.TellAsync(new TrialTell(third.TrialId, TrialState.Completed, double.NaN, [], null));

        var detail = (await _cluster.Store.GetTrialDetailAsync(first.TrialId, CancellationToken.None))!;
        Assert.Equal(0.25, detail.Trial.ObjectiveValue);
        Assert.Equal([1, 2], detail.Epochs.Select(e => e.Epoch));
        Assert.Equal("outside pruner", (await _cluster.Store.GetTrialAsync(second.TrialId, CancellationToken.None))!.Reason);
        Assert.Equal(TrialState.Failed, (await _cluster.Store.GetTrialAsync(third.TrialId, CancellationToken.None))!.State);
        Assert.Equal(SweepState.Completed, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
        Assert.Equal("the sweep has finished", (await coordinator.AskAsync()).Refusal);
    }

    [Fact]
    public async Task A_reactivated_coordinator_knows_its_asked_trials()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var asked = (await coordinator.AskAsync()).Trial!;

        await _cluster.DeactivateAsync(coordinator);
        var told = await coordinator.TellAsync(new TrialTell(asked.TrialId, TrialState.Completed, 1.5, [], null));

        Assert.Equal(TellOutcome.Recorded, told.Outcome);
        Assert.Equal(1.5, (await _cluster.Store.GetBestTrialAsync(sweep.Id, CancellationToken.None))!.ObjectiveValue);
    }

    [Fact]
    public async Task A_sweep_run_by_workers_refuses_asks_and_tells()
    {
        var sweep = await _cluster.SubmitAsync(Sweep.Replace("{ask_tell: true}", "[python3, train.py]", StringComparison.Ordinal));
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var leased = await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1);

        Assert.Null((await coordinator.AskAsync()).Trial);
        Assert.Equal(TellOutcome.NotAsked, (await coordinator.TellAsync(new TrialTell(leased[0].Lease.TrialId, TrialState.Completed, 1, [], null))).Outcome);
        Assert.Equal(TellOutcome.NotFound, (await coordinator.TellAsync(new TrialTell("nope", TrialState.Completed, 1, [], null))).Outcome);
    }
}
