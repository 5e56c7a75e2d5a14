using System.Text.Json;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// Cluster mode as deployed: coordinator processes that find each other through Orleans' membership table in
/// PostgreSQL (the same database holds the sweeps), three worker processes that find the gateways there, and a
/// 12-trial sweep submitted with <c>aesweep submit --wait</c>. Machines die with SIGKILL; nothing may be lost or
/// counted twice.
/// </summary>
public sealed class ClusterTests : IDisposable
{
    private const string Sweep = """
        name: cluster
        dataset: {name: synthetic, limit: 3000}
        model: dense
        method: random
        parameters:
          code_size:     {values: [4, 8, 16]}
          depth:         {value: 2}
          width:         {value: 256}
          learning_rate: {value: 0.001}
          batch_size:    {value: 32}
          epochs:        {value: 8}
        budget: {max_trials: 12, max_parallel: 3}
        execution: {checkpoint_seconds: 1}
        seed: 11
        """;

    // execution.checkpoint_seconds above: short, so that trials checkpoint mid-trial.
    private const double CheckpointSeconds = 1;

    private const int Trials = 12;
    private const int Epochs = 8;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-cluster-").FullName;
    private readonly List<AesweepProcess> _processes = [];

    [PostgresFact]
    public async Task Killed_worker_in_a_two_coordinator_cluster_resumes_from_its_checkpoint_and_all_12_trials_end_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        StartCoordinator(database, "c1", Polling.FreePort(), Polling.FreePort());
        StartCoordinator(database, "c2", Polling.FreePort(), Polling.FreePort());
        var workers = StartWorkers(database);
        var submit = Submit(database);
        var store = Store(database, out var services);
        using var _ = services;
        var sweep = await WaitForSweepAsync(store, submit);

        var (victim, epochsBeforeKill) = await WaitForRunningTrialPastCheckpointAsync(store, sweep.Id);
        workers[victim.WorkerId!].KillHard();

        Assert.True(await submit.WaitForExitAsync(TimeSpan.FromSeconds(360)), "the sweep did not finish:\n" + submit.Stderr);
        var unfinished = (await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None)).Items.Where(t => t.State != TrialState.Completed);
        Assert.True(!unfinished.Any(), "trials that did not complete: " + string.Join("; ", unfinished.Select(t => $"#{t.Number} {t.State} attempt {t.Attempt}: {t.Reason}")));
        var counts = await WaitForSummaryCountsAsync(submit, store, sweep.Id);
        Assert.Equal(Trials, counts.GetProperty("completed").GetInt32());

        var resumed = (await store.GetTrialDetailAsync(victim.Id, CancellationToken.None))!;
        Assert.Equal(TrialState.Completed, resumed.Trial.State);
        Assert.True(resumed.Trial.Attempt >= 2, $"attempt {resumed.Trial.Attempt}: the killed trial was never requeued");
        Assert.NotEqual(victim.WorkerId, resumed.Trial.WorkerId);
        Assert.Equal(Enumerable.Range(1, Epochs), resumed.Epochs.Select(e => e.Epoch).Order());
        // The epochs up to the checkpoint stay from the first attempt: the second continued, it did not start over.
        var firstResumedEpoch = resumed.Epochs.Where(e => e.Attempt >= 2).Min(e => e.Epoch);
        Assert.True(firstResumedEpoch > 2, $"the second attempt began at epoch {firstResumedEpoch}, not after the checkpoint");
        // The completed epochs the kill threw away took less than the checkpoint cadence.
        var lostSeconds = epochsBeforeKill.Where(e => e.Epoch >= firstResumedEpoch).Sum(e => e.Metrics["epoch_seconds"]);
        Assert.True(lostSeconds < CheckpointSeconds, $"the kill lost {lostSeconds:F2} s of completed epochs, more than the {CheckpointSeconds} s cadence");
        await AssertEveryTrialEndedOnceWithResultsAsync(store, sweep.Id);
    }

    [PostgresFact]
    public async Task Coordinator_killed_and_restarted_mid_sweep_keeps_finished_trials_and_finishes_the_rest()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var (siloPort, gatewayPort) = (Polling.FreePort(), Polling.FreePort());
        var coordinator = StartCoordinator(database, "c1", siloPort, gatewayPort);
        StartWorkers(database);
        var submit = Submit(database);
        var store = Store(database, out var services);
        using var _ = services;
        var sweep = await WaitForSweepAsync(store, submit);

        // Let a few trials finish and others run, then take the only coordinator down hard.
        var finishedBefore = await Polling.WaitForAsync(
            async () =>
            {
                var trials = await store.ListTrialsAsync(sweep.Id, new TrialQuery(), CancellationToken.None);
                var done = trials.Items.Where(t => t.State == TrialState.Completed).ToList();
                return done.Count >= 3 && trials.Items.Any(t => t.State == TrialState.Running) ? done : null;
            },
            TimeSpan.FromSeconds(240),
            "three trials never completed while others ran");
        var metricsBefore = new Dictionary<string, double>();
        foreach (var trial in finishedBefore)
        {
            metricsBefore[trial.Id] = (await store.GetTrialDetailAsync(trial.Id, CancellationToken.None))!.Trial.FinalMetrics!["val_mse"];
        }

        coordinator.KillHard();
        await Task.Delay(TimeSpan.FromSeconds(2));
        StartCoordinator(database, "c1-restarted", siloPort, gatewayPort);

        var counts = await WaitForSummaryCountsAsync(submit, store, sweep.Id);
        Assert.Equal(Trials, counts.GetProperty("completed").GetInt32());
        foreach (var (trialId, valMse) in metricsBefore)
        {
            var detail = (await store.GetTrialDetailAsync(trialId, CancellationToken.None))!;
            Assert.Equal(TrialState.Completed, detail.Trial.State);
            Assert.Equal(1, detail.Trial.Attempt);
            Assert.Equal(valMse, detail.Trial.FinalMetrics!["val_mse"]);
        }

        await AssertEveryTrialEndedOnceWithResultsAsync(store, sweep.Id);
    }

    [PostgresFact]
    public async Task Bare_metal_cluster_runs_a_sweep_on_two_workers_followed_by_submit_watch_and_counted_in_metrics()
    {
        // The README's bare-metal section on one machine: one `serve --postgres` coordinator, two workers, submit --watch.
        await using var database = await PostgresDatabase.CreateAsync();
        var web = $"http://127.0.0.1:{Polling.FreePort()}";
        const string key = "bare-metal-test-key-0123456789";
        var environment = new Dictionary<string, string> { ["AESWEEP_API_KEY"] = key };
        _processes.Add(new AesweepProcess(environment, "serve", "--postgres", database.ConnectionString, "--urls", web, "--data", _data,
            "--silo-port", Polling.FreePort().ToString(), "--gateway-port", Polling.FreePort().ToString()));
        for (var i = 1; i <= 2; i++)
        {
            Start("worker", "--postgres", database.ConnectionString, "--data", _data, "--id", $"bare{i}", "--threads", "1");
        }

        using var http = new HttpClient();
        await Polling.WaitForAsync(
            async () => (await Polling.TryAsync(() => http.GetStringAsync($"{web}/ready"))) is "Healthy" ? "ready" : null,
            TimeSpan.FromSeconds(120),
            "the coordinator's web server never became ready");
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        await Polling.WaitForAsync(
            async () => (await Polling.TryAsync(() => http.GetStringAsync($"{web}/api/workers"))) is { } workers
                && workers.Contains("\"bare1\"", StringComparison.Ordinal) && workers.Contains("\"bare2\"", StringComparison.Ordinal) ? workers : null,
            TimeSpan.FromSeconds(120),
            "the two workers never registered");
        var file = Path.Combine(_data, "small.yaml");
        await File.WriteAllTextAsync(file, Sweep.Replace("max_trials: 12, max_parallel: 3", "max_trials: 4, max_parallel: 2", StringComparison.Ordinal)
            .Replace("epochs:        {value: 8}", "epochs:        {value: 3}", StringComparison.Ordinal));

        var submit = new AesweepProcess(environment, "submit", file, "--server", web, "--watch", "--json");
        _processes.Add(submit);
        Assert.True(await submit.WaitForExitAsync(TimeSpan.FromSeconds(300)), "submit --watch did not return:\n" + submit.Stderr);
        Assert.True(submit.ExitCode == 0, $"submit exited with {submit.ExitCode}:\n{submit.Stderr}");
        using var result = JsonDocument.Parse(submit.Stdout.Trim().Split('\n')[^1]);
        var sweepId = result.RootElement.GetProperty("sweep").GetProperty("id").GetString()!;
        Assert.Equal("completed", result.RootElement.GetProperty("sweep").GetProperty("state").GetString());
        Assert.Equal(4, result.RootElement.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Contains("4/4 trials done", submit.Stderr, StringComparison.Ordinal);

        var store = Store(database, out var services);
        using var _ = services;
        var workersUsed = (await store.ListTrialsAsync(sweepId, new TrialQuery(), CancellationToken.None)).Items.Select(t => t.WorkerId).Distinct().ToList();
        Assert.Equal(["bare1", "bare2"], workersUsed.Order());

        var expected = $"aesweep_trials{{otel_scope_name=\"AeSweep.Web\",state=\"completed\",sweep=\"{sweepId}\"}} 4";
        await Polling.WaitForAsync(
            async () => (await http.GetStringAsync($"{web}/metrics")).Contains(expected, StringComparison.Ordinal) ? "counted" : null,
            TimeSpan.FromSeconds(30),
            "/metrics never counted the sweep's 4 completed trials");
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static async Task AssertEveryTrialEndedOnceWithResultsAsync(ISweepReadModel store, string sweepId)
    {
        var trials = await store.ListTrialsAsync(sweepId, new TrialQuery(), CancellationToken.None);
        Assert.Equal(Trials, trials.Items.Count);
        Assert.Equal(Enumerable.Range(0, Trials), trials.Items.Select(t => t.Number).Order());
        foreach (var trial in trials.Items)
        {
            var detail = (await store.GetTrialDetailAsync(trial.Id, CancellationToken.None))!;
            Assert.Equal(TrialState.Completed, detail.Trial.State);
            Assert.True(detail.Trial.FinalMetrics?.ContainsKey("val_mse") == true, $"trial {trial.Id} has no val_mse");
            Assert.Equal(Enumerable.Range(1, Epochs), detail.Epochs.Select(e => e.Epoch).Order());
        }
    }

    private static async Task<SweepSnapshot> WaitForSweepAsync(ISweepReadModel store, AesweepProcess submit) =>
        await Polling.WaitForAsync(
            async () => (await Polling.TryAsync(() => store.ListSweepsAsync(0, 10, CancellationToken.None))) is { Items.Count: > 0 } page ? page.Items[0] : null,
            TimeSpan.FromSeconds(120),
            "the sweep was never stored; submit said:\n" + submit.Stderr);

    private static async Task<(TrialSnapshot Trial, IReadOnlyList<EpochMetrics> Epochs)> WaitForRunningTrialPastCheckpointAsync(ISweepReadModel store, string sweepId)
    {
        var found = await Polling.WaitForAsync(
            async () =>
            {
                var trials = await store.ListTrialsAsync(sweepId, new TrialQuery(), CancellationToken.None);
                foreach (var trial in trials.Items.Where(t => t.State == TrialState.Running && t.WorkerId is not null))
                {
                    var detail = await store.GetTrialDetailAsync(trial.Id, CancellationToken.None);
                    if (detail is { Trial.CheckpointEpoch: >= 2 } && detail.Epochs.Count < Epochs - 2)
                    {
                        return Tuple.Create(detail.Trial, detail.Epochs);
                    }
                }

                return null;
            },
            TimeSpan.FromSeconds(180),
            "no trial reached its second checkpoint while running");
        return (found.Item1, found.Item2);
    }

    private async Task<JsonElement> WaitForSummaryCountsAsync(AesweepProcess submit, ISweepReadModel store, string sweepId)
    {
        Assert.True(await submit.WaitForExitAsync(TimeSpan.FromSeconds(360)), "the sweep did not finish:\n" + submit.Stderr);
        Assert.True(submit.ExitCode == 0, $"submit exited with {submit.ExitCode}:\n{submit.Stderr}");
        using var result = JsonDocument.Parse(submit.Stdout.Trim().Split('\n')[^1]);
        var counts = result.RootElement.GetProperty("counts").Clone();
        if (counts.GetProperty("failed").GetInt32() + counts.GetProperty("cancelled").GetInt32() + counts.GetProperty("pruned").GetInt32() > 0)
        {
            // Say which trials ended otherwise and why, with the cluster's log lines about them: a bare count cannot be diagnosed.
            var trials = await store.ListTrialsAsync(sweepId, new TrialQuery(), CancellationToken.None);
            var others = trials.Items.Where(t => t.State != TrialState.Completed).ToList();
            var logs = string.Join("\n", _processes.Where(p => p != submit).SelectMany(p => (p.Stdout + "\n" + p.Stderr).Split('\n'))
                .Where(line => others.Any(t => line.Contains(t.Id, StringComparison.Ordinal))));
            Assert.Fail("trials that did not complete: " + string.Join("; ", others.Select(t => $"#{t.Number} {t.State} attempt {t.Attempt} on {t.WorkerId}: {t.Reason}"))
                + "\ncounts: " + counts + "\ncluster log lines about them:\n" + logs);
        }

        return counts;
    }

    private static ISweepReadModel Store(PostgresDatabase database, out ServiceProvider services)
    {
        services = new ServiceCollection().AddAeSweepStorage(StorageProvider.Postgres, database.ConnectionString).BuildServiceProvider();
        return services.GetRequiredService<ISweepReadModel>();
    }

    private AesweepProcess StartCoordinator(PostgresDatabase database, string name, int siloPort, int gatewayPort) =>
        Start("coordinator", "--postgres", database.ConnectionString, "--silo-port", siloPort.ToString(), "--gateway-port", gatewayPort.ToString(), "--data", _data, "--verbose");

    private Dictionary<string, AesweepProcess> StartWorkers(PostgresDatabase database) =>
        Enumerable.Range(1, 3).ToDictionary(
            i => $"w{i}",
            i => Start("worker", "--postgres", database.ConnectionString, "--data", _data, "--id", $"w{i}", "--slots", "1", "--threads", "1"));

    private AesweepProcess Submit(PostgresDatabase database)
    {
        var file = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(file, Sweep);
        return Start("submit", file, "--postgres", database.ConnectionString, "--wait", "--json", "--data", _data);
    }

    private AesweepProcess Start(params string[] args)
    {
        var process = new AesweepProcess(args);
        _processes.Add(process);
        return process;
    }
}
