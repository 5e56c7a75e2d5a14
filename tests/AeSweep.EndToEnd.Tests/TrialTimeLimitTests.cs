using System.Text.Json;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// <c>budget.max_trial_minutes</c> through the real worker (<c>aesweep run</c>): a trial over it fails with a reason
/// that names the limit, whichever runner trains it, and the sweep goes on to its next trials.
/// </summary>
public sealed class TrialTimeLimitTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-trial-limit-").FullName;

    [Fact]
    public async Task Program_trials_over_max_trial_minutes_fail_their_children_die_and_the_sweep_goes_on()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "hang.sh"), """
            echo '{"step": 1, "loss": 0.5}'
            sleep 1000 &
            echo $! >> children.pid
            wait
            """);
        var trials = await RunAsync("""
            name: program-over-time
            program: {command: [bash, hang.sh]}
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 2, max_parallel: 1, max_trial_minutes: 0.02}
            """);

        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal((TrialState.Failed, "exceeded budget.max_trial_minutes (0.02)"), (t.State, t.Reason)));
        var children = (await File.ReadAllLinesAsync(Path.Combine(_data, "children.pid"))).Select(int.Parse).ToList();
        Assert.Equal(2, children.Count);
        Assert.All(children, pid => Assert.True(IsDead(pid), $"the timed-out trial's child {pid} is still running"));
    }

    [Fact]
    public async Task Built_in_training_over_max_trial_minutes_is_cancelled_and_fails()
    {
        var trials = await RunAsync("""
            name: built-in-over-time
            dataset: {name: synthetic, limit: 3000}
            model: dense
            method: random
            parameters:
              code_size:  {values: [4, 8]}
              batch_size: {value: 16}
              epochs:     {value: 500}
            budget: {max_trials: 2, max_parallel: 1, max_trial_minutes: 0.05}
            seed: 3
            """);

        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal((TrialState.Failed, "exceeded budget.max_trial_minutes (0.05)"), (t.State, t.Reason)));
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

    private static bool IsDead(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // A zombie (state Z) runs nothing: killed and waiting for a PID 1 that reaps it.
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Runs the sweep to its end with <c>aesweep run</c> and returns its trials from the store.</summary>
    private async Task<IReadOnlyList<TrialSnapshot>> RunAsync(string sweep)
    {
        var file = Path.Combine(_data, "sweep.yaml");
        await File.WriteAllTextAsync(file, sweep);
        using (var run = new AesweepProcess("run", file, "--json", "--data", _data))
        {
            Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(180)), "the sweep did not end:\n" + run.Stderr);
            Assert.True(run.ExitCode == 0, $"run exited with {run.ExitCode}:\n{run.Stderr}");
            using var summary = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]);
            Assert.Equal("completed", summary.RootElement.GetProperty("state").GetString());
        }

        using var services = new ServiceCollection()
            .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_data, "aesweep.db")))
            .BuildServiceProvider();
        var store = services.GetRequiredService<ISweepReadModel>();
        var stored = (await store.ListSweepsAsync(0, 10, CancellationToken.None)).Items.Single();
        return (await store.ListTrialsAsync(stored.Id, new TrialQuery(), CancellationToken.None)).Items;
    }
}
