using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster.Tests;

/// <summary>Sweep control on the coordinator and dispatcher grains over a real SQLite store: pause, budget, enqueue, drain.</summary>
public sealed class SweepControlGrainTests : IAsyncLifetime
{
    private const string Sweep = """
        name: control-grains
        program: [python3, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
          kind: {values: [a, b]}
        budget: {max_trials: 10, max_parallel: 2}
        seed: 3
        """;

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_paused_sweep_starts_no_new_trial_while_its_running_one_finishes_and_resumes_on_resume()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var running = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1));

        Assert.Equal(ControlReplyOutcome.Applied, (await coordinator.PauseAsync()).Outcome);
        Assert.Empty(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2));
        await coordinator.CompleteTrialAsync(new TrialCompletion(running.Lease, TrialState.Completed, new() { ["loss"] = 1.0 }, [], null, 1));

        var paused = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(1, paused[TrialState.Completed]);
        Assert.Equal(2, paused.Values.Sum());
        Assert.Equal(SweepState.Paused, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
        Assert.Equal(ControlReplyOutcome.Conflict, (await coordinator.PauseAsync()).Outcome);

        Assert.Equal(ControlReplyOutcome.Applied, (await coordinator.ResumeAsync()).Outcome);
        Assert.Equal(SweepState.Running, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
        Assert.Equal(2, (await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2)).Count);
        Assert.Equal(ControlReplyOutcome.Conflict, (await coordinator.ResumeAsync()).Outcome);
    }

    [Fact]
    public async Task A_paused_state_survives_coordinator_reactivation()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        Assert.Equal(ControlReplyOutcome.Applied, (await coordinator.PauseAsync()).Outcome);

        await _cluster.DeactivateAsync(coordinator);
        await coordinator.StartAsync();

        Assert.Equal(SweepState.Paused, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
        Assert.Empty(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2));
        Assert.Equal(ControlReplyOutcome.Applied, (await coordinator.ResumeAsync()).Outcome);
        Assert.Equal(2, (await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2)).Count);
    }

    [Fact]
    public async Task An_enqueued_trial_is_claimed_before_pending_sampled_trials()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var enqueued = await coordinator.EnqueueAsync([new() { ["x"] = ParameterValue.Of(0.5), ["kind"] = ParameterValue.Of("b") }]);
        Assert.Equal(ControlReplyOutcome.Applied, enqueued.Outcome);
        var enqueuedId = Assert.Single(enqueued.TrialIds);

        // Both max_parallel places hold sampled trials; one more place releases the queued trial, which is leased first.
        Assert.Equal(ControlReplyOutcome.Applied, (await coordinator.ChangeBudgetAsync(null, 3, null)).Outcome);
        var first = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1));

        Assert.Equal(enqueuedId, first.Lease.TrialId);
        Assert.Equal(0.5, first.Parameters["x"].AsDouble());
    }

    [Fact]
    public async Task Raising_max_parallel_starts_more_trials_at_once()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        Assert.Equal(2, (await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None))[TrialState.Pending]);

        Assert.Equal(ControlReplyOutcome.Applied, (await coordinator.ChangeBudgetAsync(null, 4, null)).Outcome);

        Assert.Equal(4, (await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None))[TrialState.Pending]);
        Assert.Equal(4, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.MaxParallel);
        Assert.Equal(4, (await _cluster.Dispatcher.LeaseTrialsAsync("w1", 8)).Count);
    }

    [Fact]
    public async Task A_draining_workers_claim_returns_nothing_and_undrain_restores_it()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var observer = _cluster.Grains.CreateObjectReference<IWorkerObserver>(new NoObserver());
        await _cluster.Dispatcher.RegisterWorkerAsync(new WorkerInfo("w1", "host", 2, ["cpu"]), observer);

        Assert.True(await _cluster.Dispatcher.SetDrainingAsync("w1", draining: true));
        Assert.Empty(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2));
        Assert.Empty(await _cluster.Dispatcher.LeaseTrialsByIdAsync("w1", [.. (await _cluster.Dispatcher.PendingTrialsAsync(sweep.Id, 2)).Select(p => p.TrialId)]));
        Assert.False(await _cluster.Dispatcher.SetDrainingAsync("nobody", draining: true));

        Assert.True(await _cluster.Dispatcher.SetDrainingAsync("w1", draining: false));
        Assert.Equal(2, (await _cluster.Dispatcher.LeaseTrialsAsync("w1", 2)).Count);
    }

    private sealed class NoObserver : IWorkerObserver
    {
        public void WorkAvailable()
        {
        }
    }
}
