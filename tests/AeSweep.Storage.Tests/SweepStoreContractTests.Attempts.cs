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

        Assert.NotNull(await ClaimOneAsync(store, "worker-a"));
        Clock.Advance(Lease);
        var first = Assert.Single(await store.RequeueExpiredLeasesAsync(Ct));
        Assert.Equal((TrialState.Pending, 2, (string?)null), (first.State, first.Attempt, first.Reason));

        Assert.NotNull(await ClaimOneAsync(store, "worker-b"));
        Clock.Advance(Lease);
        var last = Assert.Single(await OpenStore().RequeueExpiredLeasesAsync(Ct));

        Assert.Equal(new RequeuedTrial(trial.Id, sweep.Id, 0, 2, "worker-b", null, null, TrialState.Failed, "the worker running it was lost 2 times (budget.max_attempts)"), last);
        var stored = (await store.GetTrialAsync(trial.Id, Ct))!;
        Assert.Equal((TrialState.Failed, "the worker running it was lost 2 times (budget.max_attempts)", Clock.GetUtcNow()), (stored.State, stored.Reason, stored.FinishedAt));
        Assert.Null(stored.WorkerId);
        Assert.Null(await ClaimOneAsync(store, "worker-c"));
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
            var claimed = await ClaimOneAsync(store, $"worker-{attempt}");
            Assert.Equal(attempt, claimed!.Attempt);
            Clock.Advance(Lease);
            outcomes.Add(Assert.Single(await store.RequeueExpiredLeasesAsync(Ct)).State);
        }

        Assert.Equal([TrialState.Pending, TrialState.Pending, TrialState.Failed], outcomes);
        Assert.Equal("the worker running it was lost 3 times (budget.max_attempts)", (await store.GetTrialAsync(trial.Id, Ct))!.Reason);
    }

    [ContractFact]
    public async Task A_restarted_process_requeue_counts_as_a_lost_worker_and_a_hand_back_does_not()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep() with { MaxAttempts = 2 }, Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var outcomes = new List<(TrialState, int)>();
        foreach (var restart in new[] { false, true, false, true })
        {
            Assert.NotNull(await ClaimOneAsync(store, "embedded-worker"));
            var requeued = restart
                ? await OpenStore().RequeueRunningTrialsAsync(sweep.Id, "process restarted", Ct)
                : await store.RequeueWorkerTrialsAsync("embedded-worker", "worker shut down", Ct);
            outcomes.Add((Assert.Single(requeued).State, requeued[0].Attempt));
        }

        Assert.Equal([(TrialState.Pending, 2), (TrialState.Pending, 3), (TrialState.Pending, 4), (TrialState.Failed, 4)], outcomes);
        Assert.Equal("the worker running it was lost 2 times (budget.max_attempts)", (await store.GetTrialAsync(trial.Id, Ct))!.Reason);
    }

    [ContractFact]
    public async Task A_trial_handed_back_by_workers_shutting_down_any_number_of_times_never_fails()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep() with { MaxAttempts = 1 }, Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(attempt, (await ClaimOneAsync(store, $"worker-{attempt}"))!.Attempt);
            var handedBack = Assert.Single(await OpenStore().RequeueWorkerTrialsAsync($"worker-{attempt}", "worker shut down", Ct));
            Assert.Equal((TrialState.Pending, attempt + 1, (string?)null), (handedBack.State, handedBack.Attempt, handedBack.Reason));
        }

        var last = await ClaimOneAsync(store, "worker-6");
        Assert.Equal((trial.Id, 6), (last!.Id, last.Attempt));
        var finished = await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(0.25), Lease: last.Lease), Ct);
        Assert.Equal(TrialState.Completed, finished.EnsureApplied().State);
    }

    [ContractFact]
    public async Task Hand_backs_between_lost_workers_leave_the_count_of_losses_in_the_reason()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep() with { MaxAttempts = 3 }, Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var outcomes = new List<TrialState>();
        foreach (var lost in new[] { false, true, false, false, true, false, true })
        {
            Assert.NotNull(await ClaimOneAsync(store, "worker"));
            if (lost)
            {
                Clock.Advance(Lease);
            }

            var requeued = lost
                ? await OpenStore().RequeueExpiredLeasesAsync(Ct)
                : await OpenStore().RequeueWorkerTrialsAsync("worker", "worker shut down", Ct);
            outcomes.Add(Assert.Single(requeued).State);
        }

        Assert.Equal([.. Enumerable.Repeat(TrialState.Pending, 6), TrialState.Failed], outcomes);
        var stored = (await store.GetTrialAsync(trial.Id, Ct))!;
        Assert.Equal((TrialState.Failed, 7, "the worker running it was lost 3 times (budget.max_attempts)"), (stored.State, stored.Attempt, stored.Reason));
    }
}
