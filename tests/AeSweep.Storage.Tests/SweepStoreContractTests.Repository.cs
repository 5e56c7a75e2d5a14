using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

// The ISweepRepository contract.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task A_created_sweep_reads_back_as_stored()
    {
        var store = OpenStore();
        var created = await store.CreateSweepAsync(ASweep(), Ct);

        var read = await OpenStore().GetSweepAsync(created.Id, Ct);

        Assert.Equal(created, read);
        Assert.Equal(SweepState.Pending, read!.State);
        Assert.Equal(10, read.Id.Length);
        Assert.Equal(42, read.Seed);
        Assert.Equal(Clock.GetUtcNow(), read.CreatedAt);
        Assert.Null(await store.GetSweepAsync("no-such-sweep", Ct));
    }

    [ContractFact]
    public async Task Sweep_transitions_are_guarded_and_cancelling_finishes_every_trial()
    {
        var (store, sweep, running) = await RunningTrialAsync();
        var pending = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var done = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        await store.FinishTrialAsync(new TrialFinish(done.Id, TrialState.Failed, "out of memory"), Ct);

        Assert.True((await store.StartSweepAsync(sweep.Id, Ct)).Applied);
        Assert.Equal(ChangeOutcome.InvalidTransition, (await store.StartSweepAsync(sweep.Id, Ct)).Outcome);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var cancelled = await store.FinishSweepAsync(sweep.Id, SweepState.Cancelled, "user cancelled", Ct);

        Assert.True(cancelled.Applied);
        Assert.Equal((SweepState.Cancelled, "user cancelled", Clock.GetUtcNow()), (cancelled.Sweep!.State, cancelled.Sweep.Reason, cancelled.Sweep.FinishedAt));
        Assert.Equal(ChangeOutcome.AlreadyFinished, (await OpenStore().FinishSweepAsync(sweep.Id, SweepState.Completed, null, Ct)).Outcome);
        foreach (var id in new[] { running.Id, pending.Id })
        {
            var trial = (await store.GetTrialAsync(id, Ct))!;
            Assert.Equal((TrialState.Cancelled, "user cancelled"), (trial.State, trial.Reason));
        }

        Assert.Equal(TrialState.Failed, (await store.GetTrialAsync(done.Id, Ct))!.State);
        Assert.Equal(ChangeOutcome.AlreadyFinished, (await store.RecordEpochMetricsAsync(running.Lease!, 0, Metric(0.1), Ct)).Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddTrialAsync(sweep.Id, SomeParameters(), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddTrialAsync("no-such-sweep", SomeParameters(), Ct));
        Assert.Equal(ChangeOutcome.NotFound, (await store.StartSweepAsync("no-such-sweep", Ct)).Outcome);
    }

    [ContractFact]
    public async Task After_a_restart_every_unfinished_sweep_and_its_trials_are_there()
    {
        string runningSweepId, finishedTrialId, runningTrialId, pendingTrialId;
        {
            var store = OpenStore();
            var done = await store.CreateSweepAsync(ASweep("done"), Ct);
            await store.StartSweepAsync(done.Id, Ct);
            await store.FinishSweepAsync(done.Id, SweepState.Completed, null, Ct);
            var waiting = await store.CreateSweepAsync(ASweep("waiting"), Ct);
            Clock.Advance(TimeSpan.FromSeconds(1));

            var live = await store.CreateSweepAsync(ASweep("live"), Ct);
            await store.StartSweepAsync(live.Id, Ct);
            var finished = await store.AddTrialAsync(live.Id, SomeParameters(1), Ct);
            var lease = (await store.StartTrialAsync(finished.Id, "worker-a", Lease, Ct)).EnsureApplied().Lease!;
            await store.RecordEpochMetricsAsync(lease, 0, Metric(0.2), Ct);
            await store.FinishTrialAsync(new TrialFinish(finished.Id, TrialState.Completed, Metrics: Metric(0.2), Lease: lease), Ct);
            var running = await store.AddTrialAsync(live.Id, SomeParameters(2), Ct);
            var runningLease = (await store.StartTrialAsync(running.Id, "worker-b", Lease, Ct)).EnsureApplied().Lease!;
            await store.RecordEpochMetricsAsync(runningLease, 0, Metric(0.4), Ct);
            await store.RecordCheckpointAsync(runningLease, 0, "ckpt/0.pt", Ct);
            var pending = await store.AddTrialAsync(live.Id, SomeParameters(3), Ct);
            (runningSweepId, finishedTrialId, runningTrialId, pendingTrialId) = (live.Id, finished.Id, running.Id, pending.Id);
            Assert.Equal([waiting.Id, live.Id], (await store.ListUnfinishedSweepsAsync(Ct)).Select(s => s.Id));
        }

        // Everything above is gone; a new store on the same database is the restarted coordinator.
        await ForgetConnectionsAsync();
        var restarted = OpenStore();

        var unfinished = await restarted.ListUnfinishedSweepsAsync(Ct);
        Assert.Equal(["waiting", "live"], unfinished.Select(s => s.Name));
        var history = (await restarted.GetSweepHistoryAsync(runningSweepId, Ct))!;
        Assert.Equal(SweepState.Running, history.Sweep.State);
        Assert.Equal([finishedTrialId, runningTrialId, pendingTrialId], history.Trials.Select(t => t.Id));
        Assert.Equal([TrialState.Completed, TrialState.Running, TrialState.Pending], history.Trials.Select(t => t.State));
        Assert.Equal(0.2, history.Trials[0].ObjectiveValue);
        Assert.Equal(ParameterValue.Of(2), history.Trials[1].Parameters["depth"]);
        Assert.Equal(0.4, history.EpochMetrics[runningTrialId].Single().Metrics["val_mse"]);
        Assert.False(history.EpochMetrics.ContainsKey(pendingTrialId));

        // The running trial's worker died with the coordinator: once its lease runs out it is requeued, checkpoint kept.
        Clock.Advance(Lease);
        var requeued = Assert.Single(await restarted.RequeueExpiredLeasesAsync(Ct));
        Assert.Equal((runningTrialId, 0, 2), (requeued.TrialId, requeued.CheckpointEpoch, requeued.Attempt));
        var counts = await restarted.CountTrialsByStateAsync(runningSweepId, Ct);
        Assert.Equal((1, 2, 0), (counts[TrialState.Completed], counts[TrialState.Pending], counts[TrialState.Running]));
    }

    [ContractFact]
    public async Task A_sweeps_budget_is_stored_in_queryable_columns()
    {
        var store = OpenStore();
        var created = await store.CreateSweepAsync(ASweep() with { MaxTrials = 40, MaxParallel = 4, MaxMinutes = 90.5, MaxAttempts = 2 }, Ct);
        var unlimited = await store.CreateSweepAsync(ASweep() with { MaxParallel = 1 }, Ct);

        var read = (await OpenStore().GetSweepAsync(created.Id, Ct))!;

        Assert.Equal((40, 4, 90.5), (read.MaxTrials, read.MaxParallel, read.MaxMinutes));
        Assert.Equal(((int?)null, (int?)1, (double?)null), (unlimited.MaxTrials, unlimited.MaxParallel, unlimited.MaxMinutes));
        await using var db = new SweepDbContextFactory(Provider, ConnectionString).CreateDbContext();
        Assert.Equal([created.Id], await db.Sweeps.Where(s => s.MaxParallel > 2 && s.MaxTrials != null).Select(s => s.Id).ToListAsync(Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateSweepAsync(ASweep() with { MaxParallel = 0 }, Ct));
    }
}
