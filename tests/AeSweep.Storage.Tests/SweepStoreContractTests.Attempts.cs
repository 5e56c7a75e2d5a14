using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;

namespace AeSweep.Storage.Tests;

/// <summary>budget.max_attempts: a trial whose worker keeps getting lost fails instead of being requeued forever.</summary>
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task A_trial_whose_worker_is_lost_on_its_last_attempt_fails_with_the_reason()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep() with { MaxAttempts = 2 }, Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        Assert.NotNull(await store.ClaimNextPendingTrialAsync(sweep.Id, "worker-a", Lease, Ct));
        Clock.Advance(Lease);
        var first = Assert.Single(await store.RequeueExpiredLeasesAsync(Ct));
        Assert.Equal((TrialState.Pending, 2, (string?)null), (first.State, first.Attempt, first.Reason));

        Assert.NotNull(await store.ClaimNextPendingTrialAsync(sweep.Id, "worker-b", Lease, Ct));
        Clock.Advance(Lease);
        var last = Assert.Single(await OpenStore().RequeueExpiredLeasesAsync(Ct));

        Assert.Equal(new RequeuedTrial(trial.Id, sweep.Id, 0, 2, "worker-b", null, null, TrialState.Failed, "the worker running it was lost 2 times (budget.max_attempts)"), last);
        var stored = (await store.GetTrialAsync(trial.Id, Ct))!;
        Assert.Equal((TrialState.Failed, "the worker running it was lost 2 times (budget.max_attempts)", Clock.GetUtcNow()), (stored.State, stored.Reason, stored.FinishedAt));
        Assert.Null(stored.WorkerId);
        Assert.Null(await store.ClaimNextPendingTrialAsync(sweep.Id, "worker-c", Lease, Ct));
    }

    [ContractFact]
    public async Task Without_a_limit_given_a_trial_runs_three_times_before_a_lost_worker_fails_it()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var outcomes = new List<TrialState>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claimed = await store.ClaimNextPendingTrialAsync(sweep.Id, $"worker-{attempt}", Lease, Ct);
            Assert.Equal(attempt, claimed!.Attempt);
            Clock.Advance(Lease);
            outcomes.Add(Assert.Single(await store.RequeueExpiredLeasesAsync(Ct)).State);
        }

        Assert.Equal([TrialState.Pending, TrialState.Pending, TrialState.Failed], outcomes);
        Assert.Equal("the worker running it was lost 3 times (budget.max_attempts)", (await store.GetTrialAsync(trial.Id, Ct))!.Reason);
    }

    [ContractFact]
    public async Task A_restarted_process_requeue_also_stops_at_the_last_attempt()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep() with { MaxAttempts = 1 }, Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        Assert.NotNull(await store.ClaimNextPendingTrialAsync(sweep.Id, "embedded-worker", Lease, Ct));

        var requeued = Assert.Single(await OpenStore().RequeueRunningTrialsAsync(sweep.Id, "process restarted", Ct));

        Assert.Equal(TrialState.Failed, requeued.State);
        Assert.Equal("the worker running it was lost 1 time (budget.max_attempts)", (await store.GetTrialAsync(trial.Id, Ct))!.Reason);
    }
}
