using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

// The ITrialQueue contract.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task Parameters_round_trip_with_their_exact_kinds()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var parameters = new Dictionary<string, ParameterValue>
        {
            ["depth"] = ParameterValue.Of(3),
            ["width_as_float"] = ParameterValue.Of(3.0),
            ["learning_rate"] = ParameterValue.Of(1e-4),
            ["weight_decay"] = ParameterValue.Of(0.1 + 0.2),
            ["huge"] = ParameterValue.Of(long.MaxValue),
            ["negative"] = ParameterValue.Of(-7),
            ["big_float"] = ParameterValue.Of(1e20),
            ["loss"] = ParameterValue.Of("mse"),
            ["looks_numeric"] = ParameterValue.Of("3"),
            ["unicode"] = ParameterValue.Of("größe \"quoted\""),
            ["noise"] = ParameterValue.Of(true),
            ["sparse"] = ParameterValue.Of(false),
        };

        var added = await store.AddTrialAsync(sweep.Id, parameters, Ct);
        var read = (await OpenStore().GetTrialAsync(added.Id, Ct))!;

        Assert.Equal(parameters.Count, read.Parameters.Count);
        foreach (var (name, expected) in parameters)
        {
            var actual = read.Parameters[name];
            Assert.True(expected.Kind == actual.Kind, $"{name}: expected {expected.Kind}, got {actual.Kind}");
            Assert.Equal(expected.ToString(), actual.ToString());
            Assert.Equal(expected.ToObject(), actual.ToObject());
        }
    }

    [ContractFact]
    public async Task Trials_are_numbered_in_the_order_they_are_suggested()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);

        var trials = new List<TrialSnapshot>();
        for (var i = 0; i < 3; i++)
        {
            trials.Add(await store.AddTrialAsync(sweep.Id, SomeParameters(i + 1), Ct));
        }

        Assert.Equal([0, 1, 2], trials.Select(t => t.Number));
        Assert.Equal($"{sweep.Id}-2", trials[2].Id);
        Assert.All(trials, t => Assert.Equal((TrialState.Pending, 1, (string?)null), (t.State, t.Attempt, t.WorkerId)));
    }

    [ContractFact]
    public async Task Concurrently_added_trials_get_distinct_numbers()
    {
        var sweep = await OpenStore().CreateSweepAsync(ASweep(), Ct);

        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => OpenStore().AddTrialAsync(sweep.Id, SomeParameters(i), Ct)));

        Assert.Equal(Enumerable.Range(0, 6), added.Select(t => t.Number).Order());
    }

    [ContractFact]
    public async Task Trial_transitions_follow_the_life_cycle()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        // Pending cannot complete or be pruned: it never trained.
        Assert.Equal(ChangeOutcome.InvalidTransition, (await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(0.1)), Ct)).Outcome);
        Assert.Equal(ChangeOutcome.InvalidTransition, (await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Pruned, "rung 1"), Ct)).Outcome);

        var started = await store.StartTrialAsync(trial.Id, "worker-a", Lease, Ct);
        Assert.True(started.Applied);
        Assert.Equal(TrialState.Running, started.Trial!.State);
        Assert.Equal(new TrialLease(trial.Id, "worker-a", 1), started.Trial.Lease);
        Assert.Equal(Clock.GetUtcNow() + Lease, started.Trial.LeaseExpiresAt);
        Assert.Equal(Clock.GetUtcNow(), started.Trial.StartedAt);

        // A running trial cannot be started again (by another worker).
        var again = await store.StartTrialAsync(trial.Id, "worker-b", Lease, Ct);
        Assert.Equal(ChangeOutcome.InvalidTransition, again.Outcome);
        Assert.Equal("worker-a", again.Trial!.WorkerId);

        Clock.Advance(TimeSpan.FromSeconds(5));
        var finished = await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Pruned, "below the median at epoch 2", Lease: started.Trial.Lease), Ct);
        Assert.True(finished.Applied);
        Assert.Equal((TrialState.Pruned, "below the median at epoch 2"), (finished.Trial!.State, finished.Trial.Reason));
        Assert.Equal(Clock.GetUtcNow(), finished.Trial.FinishedAt);
        Assert.Null(finished.Trial.Lease);

        // A finished trial never changes again, and every writer learns so.
        var late = await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(0.01)), Ct);
        Assert.Equal(ChangeOutcome.AlreadyFinished, late.Outcome);
        Assert.Equal(ChangeOutcome.AlreadyFinished, (await store.StartTrialAsync(trial.Id, "worker-b", Lease, Ct)).Outcome);
        Assert.Equal(ChangeOutcome.AlreadyFinished, (await store.RenewLeaseAsync(started.Trial.Lease!, Lease, Ct)).Outcome);
        Assert.Equal(ChangeOutcome.AlreadyFinished, (await store.RecordEpochMetricsAsync(started.Trial.Lease!, 3, Metric(0.2), Ct)).Outcome);
        var refused = Assert.Throws<TrialChangeRefusedException>(() => late.EnsureApplied());
        Assert.Contains("AlreadyFinished", refused.Message, StringComparison.Ordinal);

        var stored = (await OpenStore().GetTrialAsync(trial.Id, Ct))!;
        Assert.Equal(TrialState.Pruned, stored.State);
        Assert.Null(stored.FinalMetrics);
        Assert.Equal(ChangeOutcome.NotFound, (await store.StartTrialAsync("no-such-trial", "worker-a", Lease, Ct)).Outcome);
    }

    [ContractFact]
    public async Task A_pending_trial_can_be_cancelled_or_failed_with_a_reason()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var a = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var b = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        Assert.True((await store.FinishTrialAsync(new TrialFinish(a.Id, TrialState.Cancelled, "budget spent"), Ct)).Applied);
        Assert.True((await store.FinishTrialAsync(new TrialFinish(b.Id, TrialState.Failed, "invalid configuration"), Ct)).Applied);
        await Assert.ThrowsAsync<ArgumentException>(() => store.FinishTrialAsync(new TrialFinish(a.Id, TrialState.Failed), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FinishTrialAsync(new TrialFinish(a.Id, TrialState.Running), Ct));
    }

    [ContractFact]
    public async Task A_trainer_controlled_reason_is_stored_bounded_with_its_head_and_tail()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var huge = "the program exited with code 1; stderr: " + new string('x', 5_000_000) + " | last words";

        Assert.True((await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Failed, huge), Ct)).Applied);
        Assert.True((await store.FinishSweepAsync(sweep.Id, SweepState.Failed, huge, Ct)).Applied);

        var storedTrial = (await OpenStore().GetTrialAsync(trial.Id, Ct))!.Reason!;
        var storedSweep = (await OpenStore().GetSweepAsync(sweep.Id, Ct))!.Reason!;
        foreach (var stored in new[] { storedTrial, storedSweep })
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(stored) <= ReasonLimit.MaxBytes, $"{stored.Length} characters stored");
            Assert.StartsWith("the program exited with code 1; stderr: xxx", stored, StringComparison.Ordinal);
            Assert.Contains("bytes elided] …", stored, StringComparison.Ordinal);
            Assert.EndsWith("xxx | last words", stored, StringComparison.Ordinal);
        }
    }

    [ContractFact]
    public async Task Of_concurrent_finishers_exactly_one_wins()
    {
        var setup = OpenStore();
        var sweep = await setup.CreateSweepAsync(ASweep(), Ct);
        for (var round = 0; round < 5; round++)
        {
            var trial = await setup.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
            var lease = (await setup.StartTrialAsync(trial.Id, "worker-a", Lease, Ct)).EnsureApplied().Lease!;
            var (first, second) = (OpenStore(), OpenStore());

            var outcomes = await Task.WhenAll(
                first.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(0.05), Lease: lease), Ct),
                second.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Pruned, "below the median"), Ct));

            var winner = Assert.Single(outcomes, o => o.Applied);
            var loser = Assert.Single(outcomes, o => !o.Applied);
            Assert.Equal(ChangeOutcome.AlreadyFinished, loser.Outcome);
            Assert.Equal(winner.Trial!.State, loser.Trial!.State);
            var stored = (await OpenStore().GetTrialAsync(trial.Id, Ct))!;
            Assert.Equal(winner.Trial.State, stored.State);
            Assert.Equal(winner.Trial.Reason, stored.Reason);
        }
    }

    [ContractFact]
    public async Task The_trial_version_makes_a_stale_write_fail_instead_of_overwriting()
    {
        var (_, _, trial) = await RunningTrialAsync();
        var contexts = new SweepDbContextFactory(Provider, ConnectionString);
        await using var first = contexts.CreateDbContext();
        await using var second = contexts.CreateDbContext();
        var mine = await first.Trials.SingleAsync(t => t.Id == trial.Id, Ct);
        var theirs = await second.Trials.SingleAsync(t => t.Id == trial.Id, Ct);

        (mine.State, mine.Reason) = (TrialState.Pruned, "first writer");
        mine.Version++;
        await first.SaveChangesAsync(Ct);
        (theirs.State, theirs.Reason) = (TrialState.Failed, "second writer");
        theirs.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.Equal("first writer", (await OpenStore().GetTrialAsync(trial.Id, Ct))!.Reason);
    }

    [ContractFact]
    public async Task An_expired_lease_is_requeued_keeping_its_checkpoint_and_bumping_the_attempt()
    {
        var (store, _, trial) = await RunningTrialAsync("worker-a");
        var oldLease = trial.Lease!;
        await store.RecordEpochMetricsAsync(oldLease, 0, Metric(0.3), Ct);
        await store.RecordEpochMetricsAsync(oldLease, 1, Metric(0.2), Ct);
        Assert.True((await store.RecordCheckpointAsync(oldLease, 1, "checkpoints/t0/epoch-1.pt", Ct)).Applied);
        await store.RecordEpochMetricsAsync(oldLease, 2, Metric(0.15), Ct);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await store.RequeueExpiredLeasesAsync(Ct));

        Clock.Advance(TimeSpan.FromSeconds(1));
        var requeued = Assert.Single(await OpenStore().RequeueExpiredLeasesAsync(Ct));
        Assert.Equal(new RequeuedTrial(trial.Id, trial.SweepId, 0, 2, "worker-a", 1, "checkpoints/t0/epoch-1.pt"), requeued);
        Assert.Empty(await store.RequeueExpiredLeasesAsync(Ct));

        var pending = (await store.GetTrialAsync(trial.Id, Ct))!;
        Assert.Equal((TrialState.Pending, 2, (string?)null, (DateTimeOffset?)null), (pending.State, pending.Attempt, pending.WorkerId, pending.LeaseExpiresAt));
        Assert.Equal((1, "checkpoints/t0/epoch-1.pt"), (pending.CheckpointEpoch, pending.CheckpointPath));

        // The lost worker's late reports are refused: nothing it says now counts.
        Assert.Equal(ChangeOutcome.LeaseLost, (await store.RecordEpochMetricsAsync(oldLease, 3, Metric(0.1), Ct)).Outcome);
        Assert.Equal(ChangeOutcome.LeaseLost, (await store.RenewLeaseAsync(oldLease, Lease, Ct)).Outcome);
        Assert.Equal(ChangeOutcome.LeaseLost, (await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(0.1), Lease: oldLease), Ct)).Outcome);

        // Another worker resumes it from the checkpoint and re-trains epoch 2.
        var resumed = (await ClaimOneAsync(store, "worker-b"))!;
        Assert.Equal(new TrialLease(trial.Id, "worker-b", 2), resumed.Lease);
        Assert.Equal(1, resumed.CheckpointEpoch);
        Assert.Equal(trial.StartedAt, resumed.StartedAt);
        Assert.Equal(ChangeOutcome.LeaseLost, (await store.RecordEpochMetricsAsync(oldLease with { WorkerId = "worker-b" }, 2, Metric(0.1), Ct)).Outcome);
        Assert.True((await store.RecordEpochMetricsAsync(resumed.Lease!, 2, Metric(0.12), Ct)).Applied);
        Assert.True((await store.RecordEpochMetricsAsync(resumed.Lease!, 3, Metric(0.11), Ct)).Applied);
        Assert.True((await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(0.11), Lease: resumed.Lease), Ct)).Applied);

        var detail = (await store.GetTrialDetailAsync(trial.Id, Ct))!;
        Assert.Equal([(0, 1), (1, 1), (2, 2), (3, 2)], detail.Epochs.Select(e => (e.Epoch, e.Attempt)));
        Assert.Equal(0.12, detail.Epochs[2].Metrics["val_mse"]);
        Assert.Equal((TrialState.Completed, 2), (detail.Trial.State, detail.Trial.Attempt));
    }

    [ContractFact]
    public async Task A_renewed_lease_is_not_requeued()
    {
        var (store, _, trial) = await RunningTrialAsync();

        Clock.Advance(TimeSpan.FromSeconds(20));
        var renewed = await store.RenewLeaseAsync(trial.Lease!, Lease, Ct);
        Assert.Equal(Clock.GetUtcNow() + Lease, renewed.Trial!.LeaseExpiresAt);
        Assert.Equal(Clock.GetUtcNow(), renewed.Trial.LastHeartbeatAt);
        Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(await store.RequeueExpiredLeasesAsync(Ct));
        Assert.Equal(TrialState.Running, (await store.GetTrialAsync(trial.Id, Ct))!.State);
    }

    [ContractFact]
    public async Task A_worker_shutting_down_hands_back_its_running_trials()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var ids = new List<string>();
        foreach (var worker in new[] { "worker-a", "worker-a", "worker-b" })
        {
            var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
            await store.StartTrialAsync(trial.Id, worker, Lease, Ct);
            ids.Add(trial.Id);
        }

        var requeued = await store.RequeueWorkerTrialsAsync("worker-a", "worker shut down", Ct);

        Assert.Equal(ids.Take(2), requeued.Select(r => r.TrialId));
        Assert.All(requeued, r => Assert.Equal((2, "worker-a"), (r.Attempt, r.PreviousWorkerId)));
        Assert.Equal(TrialState.Running, (await store.GetTrialAsync(ids[2], Ct))!.State);
    }

    [ContractFact]
    public async Task A_restarted_embedded_process_requeues_its_running_trials_at_once()
    {
        var (store, sweep, trial) = await RunningTrialAsync("embedded-worker");
        await store.RecordCheckpointAsync(trial.Lease!, 2, "ckpt/2.pt", Ct);
        var (_, otherSweep, other) = await RunningTrialAsync("embedded-worker");

        var requeued = await OpenStore().RequeueRunningTrialsAsync(sweep.Id, "process restarted", Ct);

        Assert.Equal(new RequeuedTrial(trial.Id, sweep.Id, 0, 2, "embedded-worker", 2, "ckpt/2.pt"), Assert.Single(requeued));
        Assert.Equal(TrialState.Running, (await store.GetTrialAsync(other.Id, Ct))!.State);
        Assert.Equal([other.Id], (await store.RequeueRunningTrialsAsync(null, "process restarted", Ct)).Select(r => r.TrialId));
        Assert.Contains(otherSweep.Id, (await store.ClaimPendingTrialsAsync("w", 2, Lease, Ct)).Select(t => t.SweepId));
    }

    [ContractFact]
    public async Task Finishing_stores_metrics_objective_and_artifacts()
    {
        var (store, sweep, trial) = await RunningTrialAsync();
        var metrics = new Dictionary<string, double> { ["val_mse"] = 0.0123, ["psnr"] = 21.5, ["ssim"] = double.NaN };
        var artifacts = new List<ArtifactInfo>
        {
            new("reconstructions", "trials/t0/reconstructions.png", "image/png", 48_213),
            new("checkpoint", "trials/t0/model.pt", "application/octet-stream", 1_234_567),
        };

        var finished = await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, null, metrics, artifacts, trial.Lease), Ct);

        Assert.True(finished.Applied);
        var detail = (await OpenStore().GetTrialDetailAsync(trial.Id, Ct))!;
        Assert.Equal(0.0123, detail.Trial.ObjectiveValue);
        Assert.Equal(21.5, detail.Trial.FinalMetrics!["psnr"]);
        Assert.True(double.IsNaN(detail.Trial.FinalMetrics["ssim"]));
        Assert.Equal(artifacts.OrderBy(a => a.Name, StringComparer.Ordinal), detail.Artifacts);
        Assert.Equal(artifacts[0], await store.GetArtifactAsync(trial.Id, "reconstructions", Ct));
        Assert.Null(await store.GetArtifactAsync(trial.Id, "latent-map", Ct));
        Assert.Equal(trial.Id, (await store.GetBestTrialAsync(sweep.Id, Ct))!.Id);
    }

    [ContractFact]
    public async Task Claiming_takes_the_oldest_pending_trial_and_nothing_when_none_is_left()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var first = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var claims = await Task.WhenAll(
            ClaimOneAsync(OpenStore(), "worker-a"),
            ClaimOneAsync(OpenStore(), "worker-b"),
            ClaimOneAsync(OpenStore(), "worker-c"));

        Assert.Equal([first.Id, second.Id], claims.Where(c => c is not null).Select(c => c!.Id).Order(StringComparer.Ordinal));
        Assert.Single(claims, c => c is null);
        Assert.Null(await ClaimOneAsync(store, "worker-d"));
    }

    [ContractFact]
    public async Task An_asked_trial_is_stored_running_and_no_worker_can_claim_it()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);

        var asked = await store.AddRunningTrialAsync(sweep.Id, SomeParameters(), "api", Lease, Ct);

        Assert.Equal((TrialState.Running, "api", 1, 0), (asked.State, asked.WorkerId, asked.Attempt, asked.Number));
        Assert.Equal(Clock.GetUtcNow() + Lease, asked.LeaseExpiresAt);
        Assert.Null(await ClaimOneAsync(store, "worker-a"));
        var finished = await store.FinishTrialAsync(new TrialFinish(asked.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["val_mse"] = 0.5 }, Lease: asked.Lease), Ct);
        Assert.True(finished.Applied);
    }

    [ContractFact]
    public async Task A_batch_of_trials_is_added_under_the_next_numbers_in_one_call()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        await store.AddTrialAsync(sweep.Id, SomeParameters(1), Ct);

        var added = await store.AddTrialsAsync(sweep.Id, [SomeParameters(2), SomeParameters(3), SomeParameters(4)], Ct);

        Assert.Equal([1, 2, 3], added.Select(t => t.Number));
        Assert.Equal(["2", "3", "4"], added.Select(t => t.Parameters["depth"].ToString()));
        Assert.Equal(4, await store.NextTrialNumberAsync(sweep.Id, Ct));
        Assert.Equal(added.Select(t => (t.Id, t.Number, t.State)), (await OpenStore().GetSweepHistoryAsync(sweep.Id, Ct))!.Trials.Skip(1).Select(t => (t.Id, t.Number, t.State)));
        Assert.Empty(await store.AddTrialsAsync(sweep.Id, [], Ct));
    }

    [ContractFact]
    public async Task Concurrent_batches_get_distinct_gapless_numbers()
    {
        var sweep = await OpenStore().CreateSweepAsync(ASweep(), Ct);

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            OpenStore().AddTrialsAsync(sweep.Id, [SomeParameters(i), SomeParameters(i), SomeParameters(i)], Ct)));

        Assert.Equal(Enumerable.Range(0, 12), batches.SelectMany(b => b).Select(t => t.Number).Order());
        // Each batch's numbers are consecutive: one transaction numbers the whole batch.
        Assert.All(batches, b => Assert.Equal(Enumerable.Range(b[0].Number, 3), b.Select(t => t.Number)));
    }

    [ContractFact]
    public async Task Adding_at_a_number_that_was_taken_meanwhile_fails_loudly_and_stores_nothing()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var next = await store.NextTrialNumberAsync(sweep.Id, Ct);
        await OpenStore().AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var taken = await Assert.ThrowsAsync<TrialNumberTakenException>(() => store.AddTrialsAtAsync(sweep.Id, next, [SomeParameters(7)], Ct));

        Assert.Equal((0, 1), (taken.ExpectedNumber, taken.NextFreeNumber));
        Assert.Equal(1, (await store.CountTrialsByStateAsync(sweep.Id, Ct))[TrialState.Pending]);
        var atOne = await store.AddTrialsAtAsync(sweep.Id, 1, [SomeParameters(7)], Ct);
        Assert.Equal(1, Assert.Single(atOne).Number);
    }

    [ContractFact]
    public async Task A_finished_sweep_takes_no_batch()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        await store.FinishSweepAsync(sweep.Id, SweepState.Cancelled, "stop", Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddTrialsAsync(sweep.Id, [SomeParameters()], Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddTrialsAsync("no-such-sweep", [SomeParameters()], Ct));
    }

    [ContractFact]
    public async Task A_batched_claim_takes_the_oldest_pending_trials_across_sweeps()
    {
        var store = OpenStore();
        var older = await store.CreateSweepAsync(ASweep("older"), Ct);
        var newer = await store.CreateSweepAsync(ASweep("newer"), Ct);
        var first = await store.AddTrialAsync(newer.Id, SomeParameters(), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await store.AddTrialAsync(older.Id, SomeParameters(), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await store.AddTrialAsync(newer.Id, SomeParameters(), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));

        var claimed = await OpenStore().ClaimPendingTrialsAsync("worker-a", 2, Lease, Ct);

        Assert.Equal([first.Id, second.Id], claimed.Select(t => t.Id));
        Assert.All(claimed, t => Assert.Equal((TrialState.Running, "worker-a", Clock.GetUtcNow() + Lease, Clock.GetUtcNow()),
            (t.State, t.WorkerId, t.LeaseExpiresAt, t.StartedAt)));
        Assert.Equal(claimed.Select(t => (t.Id, t.State, t.WorkerId, t.LeaseExpiresAt)),
            [.. (await Task.WhenAll(claimed.Select(t => store.GetTrialAsync(t.Id, Ct)))).Select(t => (t!.Id, t.State, t.WorkerId, t.LeaseExpiresAt))]);
        Assert.Equal([third.Id], (await store.ClaimPendingTrialsAsync("worker-b", 5, Lease, Ct)).Select(t => t.Id));
        Assert.Empty(await store.ClaimPendingTrialsAsync("worker-b", 5, Lease, Ct));
    }

    [ContractFact]
    public async Task Concurrent_batched_claimers_never_get_the_same_trial()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var added = await store.AddTrialsAsync(sweep.Id, [.. Enumerable.Range(0, 20).Select(i => (IReadOnlyDictionary<string, ParameterValue>)SomeParameters(i))], Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => OpenStore().ClaimPendingTrialsAsync($"worker-{w}", 4, Lease, Ct)));

        var ids = claims.SelectMany(c => c).Select(t => t.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(added.Select(t => t.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(claims, c => Assert.True(c.Count <= 4));
        foreach (var (claim, worker) in claims.Select((c, w) => (c, $"worker-{w}")))
        {
            Assert.All(claim, t => Assert.Equal(worker, t.WorkerId));
        }
    }

    [ContractFact]
    public async Task A_heartbeat_renews_all_its_leases_at_once_and_names_the_lost_ones()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        await store.AddTrialsAsync(sweep.Id, [SomeParameters(1), SomeParameters(2), SomeParameters(3)], Ct);
        var claimed = await store.ClaimPendingTrialsAsync("worker-a", 3, Lease, Ct);
        var finished = claimed[2];
        await store.FinishTrialAsync(new TrialFinish(finished.Id, TrialState.Completed, Metrics: Metric(0.1), Lease: finished.Lease), Ct);
        Clock.Advance(TimeSpan.FromSeconds(10));

        var renewed = await OpenStore().RenewLeasesAsync(
            [claimed[0].Lease!, claimed[1].Lease! with { Attempt = 2 }, finished.Lease!, new TrialLease("no-such-trial", "worker-a", 1)], Lease, Ct);

        Assert.Equal([ChangeOutcome.Applied, ChangeOutcome.LeaseLost, ChangeOutcome.AlreadyFinished, ChangeOutcome.NotFound], renewed.Select(c => c.Outcome));
        Assert.Equal(Clock.GetUtcNow() + Lease, (await store.GetTrialAsync(claimed[0].Id, Ct))!.LeaseExpiresAt);
        Assert.Equal(claimed[1].LeaseExpiresAt, (await store.GetTrialAsync(claimed[1].Id, Ct))!.LeaseExpiresAt);
    }
}
