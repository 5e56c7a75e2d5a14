using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster.Tests;

/// <summary>
/// budget.max_failed_trials (fail fast) and budget.max_attempts (a trial whose worker keeps dying) on an in-process
/// cluster over a real SQLite store. Lease expiry runs on the real clock with short leases, polled with a deadline.
/// </summary>
public sealed class FailureBudgetGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync(o =>
    {
        o.LeaseDuration = TimeSpan.FromMilliseconds(400);
        o.LeaseCheckInterval = TimeSpan.FromMilliseconds(100);
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Sweep(string budget) => $$"""
        name: failing
        program: [no-such-trainer]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
        budget: {{budget}}
        seed: 1
        """;

    [Fact]
    public async Task Failed_trials_in_a_row_fail_the_sweep_quoting_the_last_failure()
    {
        var sweep = await _cluster.SubmitAsync(Sweep("{max_trials: 1000000, max_parallel: 1, max_failed_trials: 3}"));

        for (var i = 1; i <= 3; i++)
        {
            await FailNextAsync(sweep.Id, $"command not found: no-such-trainer (run {i})");
        }

        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        Assert.Equal(SweepState.Failed, stored.State);
        Assert.Equal("3 trials failed in a row (budget.max_failed_trials: 3); the last failure: command not found: no-such-trainer (run 3)", stored.Reason);
        var counts = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(3, counts[TrialState.Failed]);
        Assert.Equal(3, counts.Values.Sum());
    }

    [Fact]
    public async Task Without_the_key_ten_failures_in_a_row_fail_the_sweep()
    {
        var sweep = await _cluster.SubmitAsync(Sweep("{max_trials: 1000000, max_parallel: 2}"));

        for (var i = 1; i <= 10; i++)
        {
            await FailNextAsync(sweep.Id, "exit code 127");
        }

        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        Assert.Equal(SweepState.Failed, stored.State);
        var counts = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(10, counts[TrialState.Failed]);
        Assert.Equal(1, counts[TrialState.Cancelled]);
    }

    [Fact]
    public async Task A_completed_trial_resets_the_failure_streak()
    {
        var sweep = await _cluster.SubmitAsync(Sweep("{max_trials: 100, max_parallel: 1, max_failed_trials: 2}"));

        await FailNextAsync(sweep.Id, "flaky");
        await CompleteNextAsync(sweep.Id);
        await FailNextAsync(sweep.Id, "flaky");
        Assert.Equal(SweepState.Running, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);

        await FailNextAsync(sweep.Id, "flaky again");
        Assert.Equal(SweepState.Failed, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task The_failure_streak_survives_a_coordinator_restart()
    {
        var sweep = await _cluster.SubmitAsync(Sweep("{max_trials: 100, max_parallel: 1, max_failed_trials: 3}"));
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        await FailNextAsync(sweep.Id, "first");
        await FailNextAsync(sweep.Id, "second");

        await _cluster.DeactivateAsync(coordinator);
        await coordinator.StartAsync();
        await FailNextAsync(sweep.Id, "third");

        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        Assert.Equal(SweepState.Failed, stored.State);
        Assert.EndsWith("the last failure: third", stored.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trial_whose_worker_keeps_dying_fails_after_max_attempts_and_the_sweep_goes_on()
    {
        var sweep = await _cluster.SubmitAsync(Sweep("{max_trials: 2, max_parallel: 1, max_attempts: 2}"));

        var first = Assert.Single(await LeaseAsync(sweep.Id, "doomed-1"));
        Assert.Equal(1, first.Lease.Attempt);
        // The worker dies: no heartbeat, the lease lapses, the trial comes back as attempt 2.
        var second = Assert.Single(await LeaseAsync(sweep.Id, "doomed-2"));
        Assert.Equal((first.Lease.TrialId, 2), (second.Lease.TrialId, second.Lease.Attempt));

        // It dies again: attempt 2 was the last, so the trial fails and the coordinator suggests the next one.
        var next = Assert.Single(await LeaseAsync(sweep.Id, "survivor"));
        Assert.NotEqual(first.Lease.TrialId, next.Lease.TrialId);
        var failed = (await _cluster.Store.GetTrialAsync(first.Lease.TrialId, CancellationToken.None))!;
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.Equal("the worker running it was lost 2 times (budget.max_attempts)", failed.Reason);

        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id)
            .CompleteTrialAsync(new TrialCompletion(next.Lease, TrialState.Completed, new() { ["loss"] = 0.5 }, [], null, 1));
        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        Assert.Equal((SweepState.Completed, "budget.max_trials reached"), (stored.State, stored.Reason));
    }

    [Fact]
    public async Task Workers_shutting_down_hand_back_a_trial_without_using_up_its_attempts()
    {
        var sweep = await _cluster.SubmitAsync(Sweep("{max_trials: 1, max_parallel: 1, max_attempts: 2}"));

        // Three clean hand-backs with max_attempts 2: only lost workers count, so the trial keeps coming back.
        var trialId = (await LeaseAsync(sweep.Id, "restarting-1"))[0].Lease.TrialId;
        for (var restart = 1; restart <= 3; restart++)
        {
            await _cluster.Dispatcher.UnregisterWorkerAsync($"restarting-{restart}");
            var again = Assert.Single(await LeaseAsync(sweep.Id, $"restarting-{restart + 1}"));
            Assert.Equal((trialId, restart + 1), (again.Lease.TrialId, again.Lease.Attempt));
        }

        Assert.Equal(TrialState.Running, (await _cluster.Store.GetTrialAsync(trialId, CancellationToken.None))!.State);
    }

    private async Task FailNextAsync(string sweepId, string reason)
    {
        var assignment = (await LeaseAsync(sweepId, "w1"))[0];
        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId)
            .CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Failed, [], [], reason, 0));
    }

    private async Task CompleteNextAsync(string sweepId)
    {
        var assignment = (await LeaseAsync(sweepId, "w1"))[0];
        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId)
            .CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = 1.0 }, [], null, 1));
    }

    /// <summary>Leases one trial, polling until one is pending (a requeue or a suggestion may still be on its way).</summary>
    private async Task<List<TrialAssignment>> LeaseAsync(string sweepId, string workerId)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var leased = await _cluster.Dispatcher.LeaseTrialsAsync(workerId, 1);
            if (leased.Count > 0)
            {
                Assert.Equal(sweepId, leased[0].SweepId);
                return leased;
            }

            Assert.True(DateTime.UtcNow < until, $"no trial of sweep {sweepId} became pending within {Deadline}");
            await Task.Delay(50);
        }
    }
}
