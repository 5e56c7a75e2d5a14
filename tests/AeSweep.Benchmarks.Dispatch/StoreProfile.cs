using System.Diagnostics;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Benchmarks.Dispatch;

/// <summary>
/// Where a trial's dispatch time goes in the store: the four store calls every no-op trial makes (the coordinator's
/// AddTrial, the dispatcher's ClaimPendingTrials, the epoch report, the finish), run in this process one after the
/// other on an otherwise idle database, each timed. No Orleans, no processes: the floor the store alone sets.
/// </summary>
internal static class StoreProfile
{
    private static readonly string[] Operations = ["add trial", "claim (lease)", "record epoch", "finish trial"];

    public static async Task RunAsync(StoreMode mode, string postgresConnection, int trials, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("aesweep-dispatch-store-").FullName;
        try
        {
            var connection = mode == StoreMode.Sqlite
                ? SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(folder, "aesweep.db"))
                : postgresConnection;
            if (mode == StoreMode.Postgres)
            {
                await DispatchRun.RecreateDatabaseAsync(postgresConnection, cancellationToken);
            }

            await using var services = new ServiceCollection()
                .AddAeSweepStorage(mode == StoreMode.Sqlite ? StorageProvider.Sqlite : StorageProvider.Postgres, connection)
                .BuildServiceProvider();
            await services.MigrateAeSweepStorageAsync(cancellationToken);
            var store = services.GetRequiredService<EfSweepStore>();
            var sweep = await store.CreateSweepAsync(new NewSweep("store-profile", "{}", SweepDefinitionFormat.Json, "loss", MetricGoal.Minimize, 1), cancellationToken);
            await store.StartSweepAsync(sweep.Id, cancellationToken);
            var times = Operations.Select(_ => new List<double>()).ToArray();
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["loss"] = 1.0 };
            var warmup = Math.Min(50, trials / 5);
            for (var i = 0; i < trials + warmup; i++)
            {
                var watch = Stopwatch.StartNew();
                await store.AddTrialAsync(sweep.Id, new Dictionary<string, ParameterValue>(StringComparer.Ordinal) { ["x"] = ParameterValue.Of(i * 0.001) }, cancellationToken);
                var add = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                var trial = await store.ClaimPendingTrialsAsync("profile-worker", 1, TimeSpan.FromSeconds(20), cancellationToken) is [var claimed]
                    ? claimed
                    : throw new InvalidOperationException("nothing to claim");
                var claim = watch.Elapsed.TotalMilliseconds;
                var lease = new TrialLease(trial.Id, "profile-worker", trial.Attempt);
                watch.Restart();
                await store.RecordEpochMetricsAsync(lease, 1, metrics, cancellationToken);
                var epoch = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: metrics, Lease: lease), cancellationToken);
                var finish = watch.Elapsed.TotalMilliseconds;
                if (i >= warmup)
                {
                    times[0].Add(add);
                    times[1].Add(claim);
                    times[2].Add(epoch);
                    times[3].Add(finish);
                }
            }

            Console.WriteLine($"Store calls per no-op trial, {mode.ToString().ToLowerInvariant()}, {trials} trials after {warmup} warm-up, one caller, ms (p50 / p99 / mean):");
            for (var op = 0; op < Operations.Length; op++)
            {
                times[op].Sort();
                Console.WriteLine($"  {Operations[op],-14} {DispatchStatistics.Percentile(times[op], 0.5),6:0.00} / {DispatchStatistics.Percentile(times[op], 0.99),6:0.00} / {times[op].Average(),6:0.00}");
            }

            var perTrial = times.Sum(t => t.Average());
            Console.WriteLine($"  {"sum",-14} {perTrial,24:0.00} ms per trial → at most {1000 / perTrial:0} trials/s through one store caller");
            Console.WriteLine();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
