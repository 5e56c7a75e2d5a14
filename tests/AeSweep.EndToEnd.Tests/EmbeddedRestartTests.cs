using System.Text.Json;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// The embedded coordinator (silo, local worker and SQLite in one process) is killed with SIGKILL mid-sweep and
/// started again with <c>aesweep resume</c>: finished trials stay as they were, the trial that was running continues
/// from its checkpoint, and the sweep ends with every trial accounted for once.
/// </summary>
public sealed class EmbeddedRestartTests : IDisposable
{
    private const string Sweep = """
        name: embedded-restart
        dataset: {name: synthetic, limit: 3000}
        model: dense
        method: random
        parameters:
          code_size:     {values: [4, 8, 16]}
          width:         {value: 256}
          batch_size:    {value: 32}
          epochs:        {value: 8}
        budget: {max_trials: 5, max_parallel: 1}
        execution: {checkpoint_seconds: 1}
        seed: 3
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-restart-").FullName;

    [Fact]
    public async Task Killed_embedded_run_resumes_with_finished_trials_intact_and_the_running_one_from_its_checkpoint()
    {
        var file = Path.Combine(_data, "sweep.yaml");
        await File.WriteAllTextAsync(file, Sweep);
        using var services = new ServiceCollection()
            .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_data, "aesweep.db")))
            .BuildServiceProvider();
        var store = services.GetRequiredService<ISweepReadModel>();

        Dictionary<string, double> finishedBefore;
        TrialSnapshot interrupted;
        using (var run = new AesweepProcess("run", file, "--json", "--data", _data, "--slots", "1"))
        {
            var sweep = await Polling.WaitForAsync(
                async () => (await Polling.TryAsync(() => store.ListSweepsAsync(0, 10, CancellationToken.None))) is { Items.Count: > 0 } page ? page.Items[0] : null,
                TimeSpan.FromSeconds(120),
                "the sweep was never stored:\n" + run.Stderr);
            interrupted = await Polling.WaitForAsync(
                async () =>
                {
                    var trials = (await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None)).Items;
                    return trials.Count(t => t.State == TrialState.Completed) >= 2
                        && trials.FirstOrDefault(t => t.State == TrialState.Running) is { CheckpointEpoch: >= 2 and <= 5 } running ? running : null;
                },
                TimeSpan.FromSeconds(240),
                "two trials never completed with a third past its second checkpoint:\n" + run.Stderr);
            finishedBefore = (await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None)).Items
                .Where(t => t.State == TrialState.Completed)
                .ToDictionary(t => t.Id, t => t.FinalMetrics!["val_mse"]);
            run.KillHard();
        }

        using var resume = new AesweepProcess("resume", "--json", "--data", _data);
        Assert.True(await resume.WaitForExitAsync(TimeSpan.FromSeconds(300)), "the resumed sweep did not finish:\n" + resume.Stderr);
        Assert.True(resume.ExitCode == 0, $"resume exited with {resume.ExitCode}:\n{resume.Stderr}");
        using var summary = JsonDocument.Parse(resume.Stdout.Trim().Split('\n')[^1]);
        Assert.Equal(interrupted.SweepId, summary.RootElement.GetProperty("sweep_id").GetString());
        Assert.Equal(5, summary.RootElement.GetProperty("counts").GetProperty("completed").GetInt32());

        var trials = (await store.ListTrialsAsync(interrupted.SweepId, new TrialQuery(), CancellationToken.None)).Items;
        Assert.Equal(Enumerable.Range(0, 5), trials.Select(t => t.Number).Order());
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        foreach (var (trialId, valMse) in finishedBefore)
        {
            var trial = trials.Single(t => t.Id == trialId);
            Assert.Equal(1, trial.Attempt);
            Assert.Equal(valMse, trial.FinalMetrics!["val_mse"]);
        }

        var resumed = (await store.GetTrialDetailAsync(interrupted.Id, CancellationToken.None))!;
        Assert.Equal(2, resumed.Trial.Attempt);
        Assert.Equal(Enumerable.Range(1, 8), resumed.Epochs.Select(e => e.Epoch).Order());
        var firstResumedEpoch = resumed.Epochs.Where(e => e.Attempt == 2).Min(e => e.Epoch);
        Assert.True(firstResumedEpoch > 2, $"the resumed attempt began at epoch {firstResumedEpoch}, not after the checkpoint");
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
