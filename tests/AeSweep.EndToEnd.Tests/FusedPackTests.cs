using System.Text.Json;
using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// execution.fuse end to end: a coordinator process (no local worker) and worker processes with one slot each. A pack
/// is visible in the store as trials leased to one slot together: every member started (was leased) before any member
/// reported its first epoch, which one slot training trials one at a time never does.
/// </summary>
public sealed class FusedPackTests : IDisposable
{
    // One architecture (so one fusion key); the learning rate and the loss vary (not part of the key). Grid order is
    // fixed, so trial #0 (learning rate 0.01) is the first member to reach every rung and is never pruned, while a
    // member at 0.00001 falls behind it at the first rung (ASHA, reduction factor 2).
    private const string PackSweep = """
        name: fused-pack
        dataset: {name: synthetic, limit: 600}
        model: dense
        method: grid
        parameters:
          code_size:     {value: 4}
          depth:         {value: 1}
          width:         {value: 32}
          learning_rate: {values: [0.01, 0.00001]}
          loss:          {values: [mse, l1]}
          batch_size:    {value: 32}
          epochs:        {value: 4}
        early_terminate: {type: asha, min_epochs: 1, reduction_factor: 2}
        budget: {max_trials: 4, max_parallel: 4}
        execution: {fuse: 4, checkpoint_seconds: 1}
        seed: 3
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-e2e-").FullName;

    [Fact]
    public async Task One_slot_trains_a_pack_whose_members_keep_their_own_epochs_metrics_and_pruning()
    {
        var (trials, output) = await RunOnOneSlotAsync(PackSweep);

        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal(("w1", 1), (t.Trial.WorkerId, t.Trial.Attempt)));
        // Leased together: every member started before any member's first epoch was recorded.
        var firstEpoch = trials.Min(t => t.Epochs.Min(e => e.RecordedAt));
        Assert.All(trials, t => Assert.True(t.Trial.StartedAt <= firstEpoch, $"trial #{t.Trial.Number} started at {t.Trial.StartedAt:O}, after the pack's first epoch at {firstEpoch:O}:\n{output}"));

        // Each member's own history and results; a pruned member left the pack, the others went on.
        foreach (var trial in trials)
        {
            Assert.Contains(trial.Trial.State, new[] { TrialState.Completed, TrialState.Pruned });
            var expected = trial.Trial.State == TrialState.Completed ? 4 : trial.Epochs.Count;
            Assert.Equal(Enumerable.Range(1, expected), trial.Epochs.Select(e => e.Epoch).Order());
            Assert.All(trial.Epochs, e => Assert.True(e.Metrics.ContainsKey(MetricNames.ValidationMse)));
        }

        var first = trials.Single(t => t.Trial.Number == 0);
        Assert.Equal(TrialState.Completed, first.Trial.State);
        Assert.True(first.Trial.FinalMetrics![MetricNames.ValidationMse] > 0);
        var pruned = trials.Where(t => t.Trial.State == TrialState.Pruned).ToList();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, p => Assert.True(p.Epochs.Count < 4, $"pruned trial #{p.Trial.Number} ran all {p.Epochs.Count} epochs"));
        Assert.Equal(4, trials.Select(t => t.Epochs[0].Metrics[MetricNames.ValidationMse]).Distinct().Count());
    }

    [Fact]
    public async Task One_slot_trains_a_conv_pack_as_grouped_convolutions_whose_members_keep_their_own_epochs_and_pruning()
    {
        var sweep = PackSweep
            .Replace("model: dense", "model: conv", StringComparison.Ordinal)
            .Replace("width:         {value: 32}", "channels:      {value: 4}", StringComparison.Ordinal);
        Assert.Contains("model: conv", sweep, StringComparison.Ordinal);

        var (trials, output) = await RunOnOneSlotAsync(sweep);

        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal(("w1", 1), (t.Trial.WorkerId, t.Trial.Attempt)));
        var firstEpoch = trials.Min(t => t.Epochs.Min(e => e.RecordedAt));
        Assert.All(trials, t => Assert.True(t.Trial.StartedAt <= firstEpoch, $"trial #{t.Trial.Number} started at {t.Trial.StartedAt:O}, after the pack's first epoch at {firstEpoch:O}:\n{output}"));
        Assert.All(trials, t => Assert.Contains(t.Trial.State, new[] { TrialState.Completed, TrialState.Pruned }));
        Assert.Equal(TrialState.Completed, trials.Single(t => t.Trial.Number == 0).Trial.State);
        Assert.Contains(trials, t => t.Trial.State == TrialState.Pruned && t.Epochs.Count < 4);
        Assert.Equal(4, trials.Select(t => t.Epochs[0].Metrics[MetricNames.ValidationMse]).Distinct().Count());
    }

    [Fact]
    public async Task With_fuse_one_a_slot_trains_its_trials_one_after_the_other_as_before()
    {
        var sweep = PackSweep
            .Replace("execution: {fuse: 4, checkpoint_seconds: 1}", "execution: {fuse: 1, checkpoint_seconds: 1}", StringComparison.Ordinal)
            .Replace("early_terminate: {type: asha, min_epochs: 1, reduction_factor: 2}\n", string.Empty, StringComparison.Ordinal)
            .Replace("max_trials: 4, max_parallel: 4", "max_trials: 3, max_parallel: 3", StringComparison.Ordinal);
        Assert.Contains("fuse: 1", sweep, StringComparison.Ordinal);

        var (trials, output) = await RunOnOneSlotAsync(sweep);

        Assert.Equal(3, trials.Count);
        var ordered = trials.OrderBy(t => t.Trial.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // The next trial was leased only once the one before had trained its last epoch.
            var previousLastEpoch = ordered[i - 1].Epochs.Max(e => e.RecordedAt);
            Assert.True(ordered[i].Trial.StartedAt >= previousLastEpoch, $"trial #{ordered[i].Trial.Number} started before #{ordered[i - 1].Trial.Number} ended training:\n{output}");
        }

        Assert.All(trials, t => Assert.Equal((TrialState.Completed, 4), (t.Trial.State, t.Epochs.Count)));
    }

    [Fact]
    public async Task A_killed_workers_pack_members_are_each_requeued_and_complete_on_another_worker()
    {
        var sweep = PackSweep
            .Replace("limit: 600", "limit: 3000", StringComparison.Ordinal)
            .Replace("width:         {value: 32}", "width:         {value: 256}", StringComparison.Ordinal)
            .Replace("epochs:        {value: 4}", "epochs:        {value: 8}", StringComparison.Ordinal)
            .Replace("early_terminate: {type: asha, min_epochs: 1, reduction_factor: 2}\n", string.Empty, StringComparison.Ordinal);
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        await File.WriteAllTextAsync(sweepFile, sweep);
        var gateway = Polling.FreePort();
        using var coordinator = new AesweepProcess("run", sweepFile, "--json", "--slots", "0", "--gateway-port", gateway.ToString(), "--data", _data);
        using var w1 = Worker(gateway, "w1");
        AesweepProcess? w2 = null;
        try
        {
            var store = Store(_data);
            var sweepId = await SweepIdAsync(store);

            // w1 holds the whole pack and has begun training it.
            var pack = await Polling.WaitForAsync(async () =>
            {
                var running = (await store.ListTrialsAsync(sweepId, new TrialQuery(), CancellationToken.None)).Items
                    .Where(t => t.State == TrialState.Running && t.WorkerId == "w1").ToList();
                if (running.Count < 4)
                {
                    return null;
                }

                var details = await Task.WhenAll(running.Select(t => store.GetTrialDetailAsync(t.Id, CancellationToken.None)));
                return details.Any(d => d!.Epochs.Count > 0) ? running : null;
            }, TimeSpan.FromSeconds(180), () => "w1 never trained a pack of four:\n" + w1.Stdout + w1.Stderr);
            w2 = Worker(gateway, "w2");
            w1.KillHard();

            Assert.True(await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(400)), "the sweep did not finish after the worker was killed:\n" + coordinator.Stderr);
            Assert.Equal(0, coordinator.ExitCode);
            using var result = JsonDocument.Parse(coordinator.Stdout.Trim().Split('\n')[^1]);
            Assert.Equal(4, result.RootElement.GetProperty("counts").GetProperty("completed").GetInt32());

            foreach (var member in pack)
            {
                var detail = (await store.GetTrialDetailAsync(member.Id, CancellationToken.None))!;
                Assert.Equal(TrialState.Completed, detail.Trial.State);
                Assert.True(detail.Trial.Attempt >= 2, $"trial #{member.Number}: attempt {detail.Trial.Attempt}, never requeued");
                Assert.Equal("w2", detail.Trial.WorkerId);
                Assert.Equal(Enumerable.Range(1, 8), detail.Epochs.Select(e => e.Epoch).Distinct().Order());
            }
        }
        finally
        {
            w2?.Dispose();
        }
    }

    /// <summary>Runs the sweep with one worker of one slot; every trial's detail, by number, and the worker's output.</summary>
    private async Task<(List<TrialDetail> Trials, string Output)> RunOnOneSlotAsync(string sweep)
    {
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        await File.WriteAllTextAsync(sweepFile, sweep);
        var gateway = Polling.FreePort();
        using var coordinator = new AesweepProcess("run", sweepFile, "--json", "--slots", "0", "--gateway-port", gateway.ToString(), "--data", _data);
        using var worker = Worker(gateway, "w1");
        Assert.True(await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(300)), "the sweep did not finish:\n" + coordinator.Stderr + worker.Stderr);
        Assert.Equal(0, coordinator.ExitCode);
        var store = Store(_data);
        var sweepId = await SweepIdAsync(store);
        var trials = (await store.ListTrialsAsync(sweepId, new TrialQuery(), CancellationToken.None)).Items;
        var details = new List<TrialDetail>();
        foreach (var trial in trials.OrderBy(t => t.Number))
        {
            details.Add((await store.GetTrialDetailAsync(trial.Id, CancellationToken.None))!);
        }

        return (details, worker.Stdout + worker.Stderr);
    }

    private AesweepProcess Worker(int gateway, string id) =>
        new("worker", "--gateway", $"127.0.0.1:{gateway}", "--data", _data, "--id", id, "--slots", "1", "--threads", "1");

    private static ISweepReadModel Store(string data) =>
        new ServiceCollection()
            .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(data, "aesweep.db")))
            .BuildServiceProvider()
            .GetRequiredService<ISweepReadModel>();

    private static async Task<string> SweepIdAsync(ISweepReadModel store) =>
        (await Polling.WaitForAsync(async () => (await Polling.TryAsync(() => store.ListSweepsAsync(0, 10, CancellationToken.None))) is { Items.Count: > 0 } page ? page.Items[0] : null, TimeSpan.FromSeconds(120), "the coordinator never stored the sweep")).Id;

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
