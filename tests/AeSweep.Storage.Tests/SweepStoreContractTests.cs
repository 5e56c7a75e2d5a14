using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

/// <summary>
/// The store contract, run against every provider (<see cref="SqliteSweepStoreTests"/>, <see cref="PostgresSweepStoreTests"/>).
/// Each test gets its own freshly migrated database and a clock it moves by hand.
/// </summary>
public abstract partial class SweepStoreContractTests : IAsyncLifetime, IDisposable
{
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    protected CancellationToken Ct => _timeout.Token;
    protected string ConnectionString { get; private set; } = string.Empty;
    protected abstract StorageProvider Provider { get; }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var migrator = new SweepDatabaseMigrator(new SweepDbContextFactory(Provider, ConnectionString), NullLogger<SweepDatabaseMigrator>.Instance);
        var applied = await migrator.MigrateAsync(Ct);
        Assert.NotEmpty(applied);
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length > 0)
        {
            await DropDatabaseAsync(ConnectionString);
        }
    }

    public void Dispose()
    {
        _timeout.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A store with its own context factory (and so its own connections), as another process would have.</summary>
    protected ISweepStore OpenStore() =>
        new EfSweepStore(new SweepDbContextFactory(Provider, ConnectionString), Clock, NullLogger<EfSweepStore>.Instance);

    protected static NewSweep ASweep(string name = "fashion-dense-tpe", MetricGoal goal = MetricGoal.Minimize) =>
        new(name, $"name: {name}\nmethod: tpe\nmetric: {{name: val_mse, goal: minimize}}\n", SweepDefinitionFormat.Yaml, "val_mse", goal, Seed: 42);

    protected static Dictionary<string, ParameterValue> SomeParameters(int depth = 2) => new()
    {
        ["depth"] = ParameterValue.Of(depth),
        ["learning_rate"] = ParameterValue.Of(0.001),
    };

    private async Task<(ISweepStore Store, SweepSnapshot Sweep, TrialSnapshot Trial)> RunningTrialAsync(string workerId = "worker-a")
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var started = (await store.StartTrialAsync(trial.Id, workerId, Lease, Ct)).EnsureApplied();
        return (store, sweep, started);
    }

    [ContractFact]
    public async Task Migrating_again_applies_nothing()
    {
        var migrator = new SweepDatabaseMigrator(new SweepDbContextFactory(Provider, ConnectionString), NullLogger<SweepDatabaseMigrator>.Instance);
        Assert.Empty(await migrator.MigrateAsync(Ct));
    }

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
    public async Task Epoch_metrics_are_idempotent_per_epoch()
    {
        var (store, _, trial) = await RunningTrialAsync();
        var lease = trial.Lease!;

        for (var epoch = 0; epoch < 3; epoch++)
        {
            Assert.True((await store.RecordEpochMetricsAsync(lease, epoch, Metric(1.0 / (epoch + 1)), Ct)).Applied);
        }

        // The same epoch again (a retried report, or a resumed trial re-training it) replaces, never duplicates.
        Assert.True((await OpenStore().RecordEpochMetricsAsync(lease, 1, Metric(0.4), Ct)).Applied);
        Assert.True((await OpenStore().RecordEpochMetricsAsync(lease, 1, Metric(0.4), Ct)).Applied);

        var detail = (await OpenStore().GetTrialDetailAsync(trial.Id, Ct))!;
        Assert.Equal([0, 1, 2], detail.Epochs.Select(e => e.Epoch));
        Assert.Equal(0.4, detail.Epochs[1].Metrics["val_mse"]);
        Assert.Equal(1.0 / 3, detail.Epochs[2].Metrics["val_mse"]);
    }

    [ContractFact]
    public async Task Concurrent_reports_of_the_same_epoch_leave_one_row()
    {
        var (_, _, trial) = await RunningTrialAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            OpenStore().RecordEpochMetricsAsync(trial.Lease!, 0, Metric(0.5 + i), Ct)));

        Assert.All(outcomes, o => Assert.True(o.Applied));
        var epochs = (await OpenStore().GetTrialDetailAsync(trial.Id, Ct))!.Epochs;
        Assert.Equal(0, Assert.Single(epochs).Epoch);
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
        var resumed = (await store.ClaimNextPendingTrialAsync(trial.SweepId, "worker-b", Lease, Ct))!;
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
        Assert.Equal(otherSweep.Id, (await store.ClaimNextPendingTrialAsync(otherSweep.Id, "w", Lease, Ct))!.SweepId);
    }

    [ContractFact]
    public async Task Checkpoints_only_move_forward()
    {
        var (store, _, trial) = await RunningTrialAsync();

        await store.RecordCheckpointAsync(trial.Lease!, 4, "ckpt/4.pt", Ct);
        var change = await store.RecordCheckpointAsync(trial.Lease!, 2, "ckpt/2.pt", Ct);

        Assert.True(change.Applied);
        Assert.Equal((4, "ckpt/4.pt"), (change.Trial!.CheckpointEpoch, change.Trial.CheckpointPath));
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
    public async Task Trials_page_and_sort_in_the_database()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        double?[] objectives = [0.5, 0.1, null, 0.3, 0.2, null, 0.4];
        for (var i = 0; i < objectives.Length; i++)
        {
            var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(i), Ct);
            var lease = (await store.StartTrialAsync(trial.Id, "worker-a", Lease, Ct)).EnsureApplied().Lease;
            Clock.Advance(TimeSpan.FromSeconds(1));
            var finish = objectives[i] is { } value
                ? new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(value), Lease: lease)
                : new TrialFinish(trial.Id, TrialState.Failed, "loss became NaN", Lease: lease);
            (await store.FinishTrialAsync(finish, Ct)).EnsureApplied();
        }

        var pending = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var byNumber = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Offset: 3, Limit: 3), Ct);
        Assert.Equal((8, 3, 3), (byNumber.Total, byNumber.Offset, byNumber.Limit));
        Assert.Equal([3, 4, 5], byNumber.Items.Select(t => t.Number));

        var last = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Offset: 6, Limit: 3), Ct);
        Assert.Equal([6, 7], last.Items.Select(t => t.Number));

        var newestFirst = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 2, Descending: true), Ct);
        Assert.Equal([7, 6], newestFirst.Items.Select(t => t.Number));

        var best = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 100, SortBy: TrialSortKey.Objective), Ct);
        Assert.Equal([1, 4, 3, 6, 0, 2, 5, 7], best.Items.Select(t => t.Number));

        var worst = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 100, SortBy: TrialSortKey.Objective, Descending: true), Ct);
        Assert.Equal([0, 6, 3, 4, 1, 2, 5, 7], worst.Items.Select(t => t.Number));

        var finishedLast = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 3, SortBy: TrialSortKey.FinishedAt, Descending: true), Ct);
        Assert.Equal([6, 5, 4], finishedLast.Items.Select(t => t.Number));

        var failed = await store.ListTrialsAsync(sweep.Id, new TrialQuery(State: TrialState.Failed), Ct);
        Assert.Equal(2, failed.Total);
        Assert.Equal([2, 5], failed.Items.Select(t => t.Number));

        Assert.Equal(1, (await store.GetBestTrialAsync(sweep.Id, Ct))!.Number);
        Assert.Equal(pending.Id, (await store.ListTrialsAsync(sweep.Id, new TrialQuery(State: TrialState.Pending), Ct)).Items.Single().Id);
    }

    [ContractFact]
    public async Task A_maximized_metric_ranks_the_largest_value_first()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(goal: MetricGoal.Maximize), Ct);
        foreach (var value in new[] { 0.2, 0.9, 0.5 })
        {
            var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
            await store.StartTrialAsync(trial.Id, "worker-a", Lease, Ct);
            await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(value)), Ct);
        }

        var ranked = await store.ListTrialsAsync(sweep.Id, new TrialQuery(SortBy: TrialSortKey.Objective), Ct);

        Assert.Equal([0.9, 0.5, 0.2], ranked.Items.Select(t => t.ObjectiveValue!.Value));
        Assert.Equal(0.9, (await store.GetBestTrialAsync(sweep.Id, Ct))!.ObjectiveValue);
    }

    [ContractFact]
    public async Task Counts_cover_every_state()
    {
        var (store, sweep, running) = await RunningTrialAsync();
        await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var cancelled = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        await store.FinishTrialAsync(new TrialFinish(cancelled.Id, TrialState.Cancelled, "user asked"), Ct);

        var counts = await store.CountTrialsByStateAsync(sweep.Id, Ct);

        Assert.Equal(Enum.GetValues<TrialState>().Length, counts.Count);
        Assert.Equal((1, 1, 1, 0), (counts[TrialState.Pending], counts[TrialState.Running], counts[TrialState.Cancelled], counts[TrialState.Completed]));
        Assert.Equal(running.Id, (await store.ListTrialsAsync(sweep.Id, new TrialQuery(State: TrialState.Running), Ct)).Items.Single().Id);
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
    public async Task Sweeps_list_newest_first_in_pages()
    {
        var store = OpenStore();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.CreateSweepAsync(ASweep($"sweep-{i}"), Ct)).Id);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await store.ListSweepsAsync(0, 2, Ct);
        var rest = await store.ListSweepsAsync(2, 10, Ct);

        Assert.Equal((5, 2), (first.Total, first.Items.Count));
        Assert.Equal(Enumerable.Reverse(ids), first.Items.Concat(rest.Items).Select(s => s.Id));
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
            OpenStore().ClaimNextPendingTrialAsync(sweep.Id, "worker-a", Lease, Ct),
            OpenStore().ClaimNextPendingTrialAsync(null, "worker-b", Lease, Ct),
            OpenStore().ClaimNextPendingTrialAsync(sweep.Id, "worker-c", Lease, Ct));

        Assert.Equal([first.Id, second.Id], claims.Where(c => c is not null).Select(c => c!.Id).Order(StringComparer.Ordinal));
        Assert.Single(claims, c => c is null);
        Assert.Null(await store.ClaimNextPendingTrialAsync(sweep.Id, "worker-d", Lease, Ct));
    }

    [ContractFact]
    public async Task An_asked_trial_is_stored_running_and_no_worker_can_claim_it()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);

        var asked = await store.AddRunningTrialAsync(sweep.Id, SomeParameters(), "api", Lease, Ct);

        Assert.Equal((TrialState.Running, "api", 1, 0), (asked.State, asked.WorkerId, asked.Attempt, asked.Number));
        Assert.Equal(Clock.GetUtcNow() + Lease, asked.LeaseExpiresAt);
        Assert.Null(await store.ClaimNextPendingTrialAsync(null, "worker-a", Lease, Ct));
        var finished = await store.FinishTrialAsync(new TrialFinish(asked.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["val_mse"] = 0.5 }, Lease: asked.Lease), Ct);
        Assert.True(finished.Applied);
    }

    [ContractFact]
    public async Task Workers_register_beat_and_go_offline_when_silent()
    {
        var store = OpenStore();
        var devices = new List<WorkerDevice> { new("cuda", 0, "NVIDIA H100", 80L << 30), new("cpu", 0, "x86-64", null) };
        await store.RegisterWorkerAsync(new WorkerRegistration("gpu-1", "host-a", devices, 2), Ct);
        await store.RegisterWorkerAsync(new WorkerRegistration("cpu-1", "host-b", [new("cpu", 0, "x86-64", null)], 1), Ct);

        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await store.RecordWorkerHeartbeatAsync("gpu-1", Ct));
        Assert.False(await store.RecordWorkerHeartbeatAsync("nobody", Ct));
        Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(["cpu-1"], await store.MarkSilentWorkersOfflineAsync(TimeSpan.FromSeconds(30), Ct));

        var workers = await OpenStore().ListWorkersAsync(Ct);
        Assert.Equal(["cpu-1", "gpu-1"], workers.Select(w => w.Id));
        Assert.Equal(WorkerState.Offline, workers[0].State);
        var gpu = workers[1];
        Assert.Equal((WorkerState.Online, 2, "host-a"), (gpu.State, gpu.Slots, gpu.Host));
        Assert.Equal(devices, gpu.Devices);
        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromSeconds(15), gpu.LastHeartbeatAt);

        // Re-registering (a restarted worker) brings it back online and updates its inventory.
        var back = await store.RegisterWorkerAsync(new WorkerRegistration("cpu-1", "host-b", [], 4), Ct);
        Assert.Equal((WorkerState.Online, 4), (back.State, back.Slots));
        Assert.True(await store.MarkWorkerOfflineAsync("gpu-1", Ct));
        Assert.Equal(WorkerState.Offline, (await store.ListWorkersAsync(Ct)).Single(w => w.Id == "gpu-1").State);
    }

    /// <summary>Drops pooled connections, so a "restarted" store really opens the database anew.</summary>
    protected abstract Task ForgetConnectionsAsync();

    protected static Dictionary<string, double> Metric(double valMse) => new() { ["val_mse"] = valMse };
}
