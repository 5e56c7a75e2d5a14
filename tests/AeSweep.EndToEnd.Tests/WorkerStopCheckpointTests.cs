using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// A worker stopped gracefully (SIGTERM) mid-trial writes its trial's checkpoint from the last finished epoch before it
/// hands the trial back, although the checkpoint cadence (an hour here) had written none; the trial then continues from
/// that epoch on the other worker.
/// </summary>
public sealed class WorkerStopCheckpointTests : IDisposable
{
    private const string Sweep = """
        name: worker-stop
        dataset: {name: synthetic, limit: 3000}
        model: dense
        method: random
        parameters:
          code_size:     {value: 8}
          depth:         {value: 2}
          width:         {value: 256}
          learning_rate: {value: 0.001}
          batch_size:    {value: 32}
          epochs:        {value: 30}
        budget: {max_trials: 1}
        execution: {checkpoint_seconds: 3600}
        seed: 9
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-e2e-").FullName;

    [Fact]
    public async Task A_worker_stopped_mid_trial_checkpoints_its_last_epoch_and_the_trial_continues_from_it()
    {
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        await File.WriteAllTextAsync(sweepFile, Sweep);
        var gateway = Polling.FreePort();
        using var coordinator = new AesweepProcess("run", sweepFile, "--json", "--slots", "0", "--gateway-port", gateway.ToString(), "--data", _data);
        var workers = Enumerable.Range(1, 2)
            .ToDictionary(i => $"w{i}", i => new AesweepProcess("worker", "--gateway", $"127.0.0.1:{gateway}", "--data", _data, "--id", $"w{i}", "--slots", "1", "--threads", "1"));
        try
        {
            using var services = new ServiceCollection()
                .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_data, "aesweep.db")))
                .BuildServiceProvider();
            var store = services.GetRequiredService<ISweepReadModel>();
            var sweep = await Polling.WaitForAsync(async () => (await Polling.TryAsync(() => store.ListSweepsAsync(0, 10, CancellationToken.None))) is { Items.Count: > 0 } page ? page.Items[0] : null, TimeSpan.FromSeconds(120), "the coordinator never stored the sweep");
            var running = await Polling.WaitForAsync(async () =>
            {
                var trials = await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None);
                if (trials.Items.FirstOrDefault(t => t.State == TrialState.Running && t.WorkerId is not null) is not { } trial)
                {
                    return null;
                }

                var detail = await store.GetTrialDetailAsync(trial.Id, CancellationToken.None);
                return detail is { Epochs.Count: >= 3 } ? detail : null;
            }, TimeSpan.FromSeconds(180), "the trial never finished three epochs");
            Assert.Null(running.Trial.CheckpointEpoch); // the hour-long cadence has written nothing yet

            var victim = workers[running.Trial.WorkerId!];
            victim.Terminate();
            Assert.True(await victim.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the worker did not stop:\n" + victim.Stderr);

            var handedBack = (await store.GetTrialDetailAsync(running.Trial.Id, CancellationToken.None))!;
            Assert.True(
                handedBack.Trial.CheckpointEpoch >= running.Epochs.Count,
                $"checkpoint epoch {handedBack.Trial.CheckpointEpoch?.ToString() ?? "none"} after {running.Epochs.Count} epochs had been reported before the stop");

            Assert.True(await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(300)), "the sweep did not finish after the worker stopped:\n" + coordinator.Stderr);
            var finished = (await store.GetTrialDetailAsync(running.Trial.Id, CancellationToken.None))!;
            Assert.Equal(TrialState.Completed, finished.Trial.State);
            Assert.Equal(Enumerable.Range(1, 30), finished.Epochs.Select(e => e.Epoch).Order());
            var firstResumedEpoch = finished.Epochs.Where(e => e.Attempt > running.Trial.Attempt).Min(e => e.Epoch);
            Assert.Equal(handedBack.Trial.CheckpointEpoch + 1, firstResumedEpoch);
        }
        finally
        {
            foreach (var worker in workers.Values)
            {
                worker.Dispose();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A stopped process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
