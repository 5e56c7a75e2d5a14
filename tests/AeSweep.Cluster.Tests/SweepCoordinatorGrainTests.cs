using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster.Tests;

/// <summary>The coordinator and dispatcher grains on an in-process cluster over a real SQLite store.</summary>
public sealed class SweepCoordinatorGrainTests : IAsyncLifetime
{
    private const string Sweep = """
        name: grains
        program: [python3, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
          kind: {values: [a, b]}
        early_terminate: {type: median, startup_trials: 1, warmup_epochs: 0}
        budget: {max_trials: 5, max_parallel: 2}
        seed: 3
        """;

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Start_suggests_trials_up_to_max_parallel()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);

        var counts = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(2, counts[TrialState.Pending]);
        Assert.Equal(SweepState.Running, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Completed_trials_make_room_for_more_until_max_trials_then_the_sweep_completes()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);

        for (var round = 0; round < 10; round++)
        {
            var leased = await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2);
            if (leased.Count == 0)
            {
                break;
            }

            Assert.All(leased, a => Assert.Equal(sweep.Id, a.SweepId));
            foreach (var assignment in leased)
            {
                var loss = Math.Abs(assignment.Parameters["x"].AsDouble());
                await coordinator.CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = loss }, [], null, 1));
            }
        }

        var counts = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(5, counts[TrialState.Completed]);
        Assert.Equal(5, counts.Values.Sum());
        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        Assert.Equal(SweepState.Completed, stored.State);
        Assert.Equal("budget.max_trials reached", stored.Reason);
    }

    [Fact]
    public async Task Epoch_values_worse_than_the_median_are_pruned()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var leased = await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2);

        Assert.Equal(TrialDecision.Continue, await coordinator.ReportEpochAsync(leased[0].Lease, 1, new() { ["loss"] = 1.0 }));
        await coordinator.CompleteTrialAsync(new TrialCompletion(leased[0].Lease, TrialState.Completed, new() { ["loss"] = 1.0 }, [], null, 1));

        Assert.Equal(TrialDecision.Prune, await coordinator.ReportEpochAsync(leased[1].Lease, 1, new() { ["loss"] = 10.0 }));
        await coordinator.CompleteTrialAsync(new TrialCompletion(leased[1].Lease, TrialState.Pruned, new() { ["loss"] = 10.0 }, [], null, 1));
        var pruned = (await _cluster.Store.GetTrialAsync(leased[1].Lease.TrialId, CancellationToken.None))!;
        Assert.Equal(TrialState.Pruned, pruned.State);
        Assert.Equal("pruned by the median rule after epoch 1", pruned.Reason);
    }

    [Fact]
    public async Task A_worker_holding_a_stale_lease_is_told_to_stop_and_cannot_finish_the_trial()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var assignment = (await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1))[0];
        var stale = assignment.Lease with { WorkerId = "someone-else" };

        Assert.Equal(TrialDecision.Stop, await coordinator.ReportEpochAsync(stale, 1, new() { ["loss"] = 0.5 }));
        await coordinator.CompleteTrialAsync(new TrialCompletion(stale, TrialState.Completed, new() { ["loss"] = 0.5 }, [], null, 1));

        Assert.Equal(TrialState.Running, (await _cluster.Store.GetTrialAsync(assignment.Lease.TrialId, CancellationToken.None))!.State);
        var lost = await _cluster.Dispatcher.HeartbeatAsync("w1", [stale], _cluster.Grains.CreateObjectReference<IWorkerObserver>(new NoObserver()));
        Assert.Equal([assignment.Lease.TrialId], lost);
    }

    [Fact]
    public async Task A_reactivated_coordinator_rebuilds_its_study_from_the_store_and_finishes_the_budget()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var first = await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2);
        foreach (var assignment in first)
        {
            await coordinator.CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = 1.0 }, [], null, 1));
        }

        await _cluster.DeactivateAsync(coordinator);
        await coordinator.StartAsync();

        var afterRestart = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(2, afterRestart[TrialState.Completed]);
        Assert.Equal(2, afterRestart[TrialState.Pending]);
        for (var round = 0; round < 10; round++)
        {
            var leased = await _cluster.Dispatcher.LeaseTrialsAsync("w2", 2);
            foreach (var assignment in leased)
            {
                await coordinator.CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = 2.0 }, [], null, 1));
            }
        }

        var final = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(5, final[TrialState.Completed]);
        Assert.Equal(5, final.Values.Sum());
    }

    [Fact]
    public async Task A_trial_numbered_by_another_writer_makes_the_coordinator_rebuild_from_the_store_within_the_budget()
    {
        var sweep = await _cluster.SubmitAsync(Sweep.Replace("max_parallel: 2", "max_parallel: 1", StringComparison.Ordinal).Replace("max_trials: 5", "max_trials: 4", StringComparison.Ordinal));
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        // The store numbers trials: one added behind the coordinator's back takes the number it expected next.
        var outsider = await _cluster.Store.AddTrialAsync(sweep.Id, new Dictionary<string, Core.Search.ParameterValue> { ["x"] = Core.Search.ParameterValue.Of(0.0), ["kind"] = Core.Search.ParameterValue.Of("a") }, CancellationToken.None);
        Assert.Equal(1, outsider.Number);

        for (var round = 0; round < 10; round++)
        {
            foreach (var assignment in await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2))
            {
                await coordinator.CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = 1.0 }, [], null, 1));
            }
        }

        var trials = (await _cluster.Store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 100), CancellationToken.None)).Items;
        Assert.Equal([0, 1, 2, 3], trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(SweepState.Completed, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
    }

    private sealed class NoObserver : IWorkerObserver
    {
        public void WorkAvailable()
        {
        }
    }
}
