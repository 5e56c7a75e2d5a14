using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

// The ITrialResultStore contract.
public abstract partial class SweepStoreContractTests
{
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
    public async Task Checkpoints_only_move_forward()
    {
        var (store, _, trial) = await RunningTrialAsync();

        await store.RecordCheckpointAsync(trial.Lease!, 4, "ckpt/4.pt", Ct);
        var change = await store.RecordCheckpointAsync(trial.Lease!, 2, "ckpt/2.pt", Ct);

        Assert.True(change.Applied);
        Assert.Equal((4, "ckpt/4.pt"), (change.Trial!.CheckpointEpoch, change.Trial.CheckpointPath));
    }

    [ContractFact]
    public async Task A_batch_of_epoch_reports_is_stored_at_once_idempotent_per_epoch()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        await store.AddTrialsAsync(sweep.Id, [SomeParameters(1), SomeParameters(2)], Ct);
        var claimed = await store.ClaimPendingTrialsAsync("worker-a", 2, Lease, Ct);
        var (a, b) = (claimed[0].Lease!, claimed[1].Lease!);
        await store.RecordEpochMetricsAsync(a, 0, Metric(0.9), Ct);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var changes = await OpenStore().RecordEpochMetricsAsync(
            [new EpochReport(a, 0, Metric(0.8)), new EpochReport(a, 1, Metric(0.7)), new EpochReport(b, 0, Metric(0.6)),
             new EpochReport(b, 0, Metric(0.5)), new EpochReport(a with { WorkerId = "worker-x" }, 2, Metric(0.1))], Ct);

        Assert.Equal([ChangeOutcome.Applied, ChangeOutcome.Applied, ChangeOutcome.Applied, ChangeOutcome.Applied, ChangeOutcome.LeaseLost], changes.Select(c => c.Outcome));
        var epochsA = (await store.GetTrialDetailAsync(a.TrialId, Ct))!.Epochs;
        var epochsB = (await store.GetTrialDetailAsync(b.TrialId, Ct))!.Epochs;
        Assert.Equal([(0, 0.8), (1, 0.7)], epochsA.Select(e => (e.Epoch, e.Metrics["val_mse"])));
        Assert.Equal([(0, 0.5)], epochsB.Select(e => (e.Epoch, e.Metrics["val_mse"])));
        Assert.Equal(Clock.GetUtcNow(), (await store.GetTrialAsync(a.TrialId, Ct))!.LastHeartbeatAt);
        Assert.Empty(await store.RecordEpochMetricsAsync([], Ct));
    }

    [ContractFact]
    public async Task Concurrent_batches_reporting_the_same_epochs_leave_one_row_each()
    {
        var (_, _, trial) = await RunningTrialAsync();
        var lease = trial.Lease!;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            OpenStore().RecordEpochMetricsAsync([new EpochReport(lease, 0, Metric(i)), new EpochReport(lease, 1, Metric(i))], Ct)));

        var epochs = (await OpenStore().GetTrialDetailAsync(trial.Id, Ct))!.Epochs;
        Assert.Equal([0, 1], epochs.Select(e => e.Epoch));
    }
}
