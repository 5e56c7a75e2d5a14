using System.Text.Json;
using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// A coordinator process (embedded silo + SQLite, no local worker) and three worker processes on loopback train a
/// real sweep; one worker is killed with SIGKILL mid-trial. Every trial must still end in a final state, none twice,
/// and the killed trial must continue from its checkpoint on another worker rather than start over, having lost at most
/// the checkpoint cadence's work (execution.checkpoint_seconds), with the same final metrics as the same trial trained
/// without interruption (the same sweep run again on an untouched worker).
/// </summary>
public sealed class WorkerLossTests : IDisposable
{
    private const int CheckpointSeconds = 2;

    private const string Sweep = """
        name: worker-loss
        dataset: {name: synthetic, limit: 3000}
        model: dense
        method: random
        parameters:
          code_size:     {values: [4, 8, 16]}
          depth:         {value: 2}
          width:         {value: 256}
          learning_rate: {value: 0.001}
          batch_size:    {value: 32}
          epochs:        {value: 10}
        budget: {max_trials: 6, max_parallel: 3}
        execution: {checkpoint_seconds: 2}
        seed: 5
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-e2e-").FullName;

    [Fact]
    public async Task Killed_worker_trial_resumes_from_its_checkpoint_and_every_trial_ends_once()
    {
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        await File.WriteAllTextAsync(sweepFile, Sweep);
        var gateway = Polling.FreePort();
        using var coordinator = new AesweepProcess("run", sweepFile, "--json", "--slots", "0", "--gateway-port", gateway.ToString(), "--data", _data);
        var workers = Enumerable.Range(1, 3)
            .ToDictionary(i => $"w{i}", i => new AesweepProcess("worker", "--gateway", $"127.0.0.1:{gateway}", "--data", _data, "--id", $"w{i}", "--slots", "1", "--threads", "1"));
        try
        {
            using var services = new ServiceCollection()
                .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_data, "aesweep.db")))
                .BuildServiceProvider();
            var store = services.GetRequiredService<ISweepReadModel>();
            var sweep = await Polling.WaitForAsync(async () => (await Polling.TryAsync(() => store.ListSweepsAsync(0, 10, CancellationToken.None))) is { Items.Count: > 0 } page ? page.Items[0] : null, TimeSpan.FromSeconds(120), "the coordinator never stored the sweep");

            // Kill the worker of a trial that has a checkpoint from at least epoch 2 (written by the cadence) and is still running.
            var (victim, beforeKill) = await Polling.WaitForAsync(async () =>
            {
                var running = await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None);
                foreach (var trial in running.Items.Where(t => t.State == TrialState.Running && t.WorkerId is not null))
                {
                    var detail = await store.GetTrialDetailAsync(trial.Id, CancellationToken.None);
                    if (detail is { Trial.CheckpointEpoch: >= 2 } && detail.Epochs.Count < 8)
                    {
                        return Tuple.Create(detail.Trial, detail.Epochs);
                    }
                }

                return null;
            }, TimeSpan.FromSeconds(180), "no trial reached a checkpoint at epoch 2 or later while running");
            workers[victim.WorkerId!].KillHard();

            Assert.True(await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(300)), "the sweep did not finish after the worker was killed:\n" + coordinator.Stderr);
            Assert.Equal(0, coordinator.ExitCode);

            using var result = JsonDocument.Parse(coordinator.Stdout.Trim().Split('\n')[^1]);
            var counts = result.RootElement.GetProperty("counts");
            Assert.Equal(6, counts.GetProperty("completed").GetInt32());
            Assert.Equal(0, counts.GetProperty("failed").GetInt32() + counts.GetProperty("cancelled").GetInt32() + counts.GetProperty("pruned").GetInt32());

            var resumed = (await store.GetTrialDetailAsync(victim.Id, CancellationToken.None))!;
            Assert.Equal(TrialState.Completed, resumed.Trial.State);
            Assert.True(resumed.Trial.Attempt >= 2, $"attempt {resumed.Trial.Attempt}: the killed trial was never requeued");
            Assert.NotEqual(victim.WorkerId, resumed.Trial.WorkerId);
            Assert.Equal(Enumerable.Range(1, 10), resumed.Epochs.Select(e => e.Epoch).Order());
            // Epochs up to the checkpoint stay from the first attempt: the second continued, it did not start over.
            var firstResumedEpoch = resumed.Epochs.Where(e => e.Attempt >= 2).Min(e => e.Epoch);
            Assert.True(firstResumedEpoch > 2, $"the second attempt began at epoch {firstResumedEpoch}, not after the checkpoint");
            // The completed epochs the kill threw away (seen before it, trained again after) took less than the cadence:
            // every epoch end since the last checkpoint found fewer than checkpoint_seconds of training behind it.
            var lostSeconds = beforeKill.Where(e => e.Epoch >= firstResumedEpoch).Sum(e => e.Metrics[MetricNames.EpochSeconds]);
            Assert.True(lostSeconds < CheckpointSeconds, $"the kill lost {lostSeconds:F2} s of completed epochs ({firstResumedEpoch}..{beforeKill.Count}), more than the {CheckpointSeconds} s cadence");

            // The same trial trained without interruption: the same sweep again (same seed, so the same parameters, seed
            // and data split for the same trial number) on one untouched worker, stopped after the victim's number.
            var uninterrupted = await UninterruptedRunAsync(victim.Number);
            Assert.Equal(victim.Parameters, uninterrupted.Parameters);
            foreach (var name in new[] { MetricNames.ValidationMse, MetricNames.TrainLoss, "test_mse" })
            {
                Assert.True(
                    resumed.Trial.FinalMetrics![name] == uninterrupted.FinalMetrics![name],
                    $"{name}: resumed after the kill {resumed.Trial.FinalMetrics![name]:R}, uninterrupted {uninterrupted.FinalMetrics![name]:R}");
            }

            var trials = await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None);
            Assert.Equal(6, trials.Items.Count);
            Assert.Equal(6, trials.Items.Select(t => t.Number).Distinct().Count());
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                worker.Dispose();
            }
        }
    }

    private async Task<TrialSnapshot> UninterruptedRunAsync(int number)
    {
        var data = Directory.CreateDirectory(Path.Combine(_data, "uninterrupted")).FullName;
        var sweepFile = Path.Combine(data, "sweep.yaml");
        await File.WriteAllTextAsync(sweepFile, Sweep.Replace("max_trials: 6, max_parallel: 3", $"max_trials: {number + 1}, max_parallel: 1", StringComparison.Ordinal));
        var gateway = Polling.FreePort();
        using var coordinator = new AesweepProcess("run", sweepFile, "--json", "--slots", "0", "--gateway-port", gateway.ToString(), "--data", data);
        using var worker = new AesweepProcess("worker", "--gateway", $"127.0.0.1:{gateway}", "--data", data, "--id", "u1", "--slots", "1", "--threads", "1");
        Assert.True(await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(300)), "the uninterrupted sweep did not finish:\n" + coordinator.Stderr);
        Assert.Equal(0, coordinator.ExitCode);
        using var services = new ServiceCollection()
            .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(data, "aesweep.db")))
            .BuildServiceProvider();
        var store = services.GetRequiredService<ISweepReadModel>();
        var sweep = (await store.ListSweepsAsync(0, 10, CancellationToken.None)).Items[0];
        var trial = (await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None)).Items.Single(t => t.Number == number);
        var detail = (await store.GetTrialDetailAsync(trial.Id, CancellationToken.None))!;
        Assert.Equal(TrialState.Completed, detail.Trial.State);
        return detail.Trial;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
