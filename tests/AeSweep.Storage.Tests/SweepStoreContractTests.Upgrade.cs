using AeSweep.Core.Trials;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

/// <summary>A database written by the previous release (InitialCreate only) migrates, and its rows keep working.</summary>
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task A_trial_stored_by_the_previous_release_migrates_with_no_lost_workers_counted()
    {
        await using (var db = new SweepDbContextFactory(Provider, ConnectionString).CreateDbContext())
        {
            // Back to the previous release's schema, then rows as it wrote them: a running trial on its fifth attempt
            // (requeued four times, which that release did not tell apart) whose worker is about to be lost.
            var initialCreate = db.Database.GetMigrations().First();
            Assert.EndsWith("_InitialCreate", initialCreate, StringComparison.Ordinal);
            await db.GetService<IMigrator>().MigrateAsync(initialCreate, Ct);
            object now = Provider == StorageProvider.Sqlite ? Clock.GetUtcNow().ToUnixTimeMilliseconds() : Clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO sweeps ("Id", "Name", "DefinitionText", "DefinitionFormat", "State", "Seed", "MetricName", "MetricGoal", "CreatedAt", "StartedAt", "Version")
                VALUES ('old-sweep', 'old-sweep', 'name: old-sweep', 'Yaml', 'Running', 42, 'val_mse', 'Minimize', {{now}}, {{now}}, 0)
                """, Ct);
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO trials ("Id", "SweepId", "Number", "State", "ParametersJson", "Attempt", "WorkerId", "LeaseExpiresAt", "CreatedAt", "StartedAt", "Version")
                VALUES ('old-sweep-t0', 'old-sweep', 0, 'Running', '{"depth": 2}', 5, 'old-worker', {{now}}, {{now}}, {{now}}, 0)
                """, Ct);
        }

        var migrator = new SweepDatabaseMigrator(new SweepDbContextFactory(Provider, ConnectionString), NullLogger<SweepDatabaseMigrator>.Instance);
        var applied = await migrator.MigrateAsync(Ct);
        Assert.Contains(applied, id => id.EndsWith("_TrialLostWorkers", StringComparison.Ordinal));
        Assert.Contains(applied, id => id.EndsWith("_SweepBudgetColumns", StringComparison.Ordinal));

        var store = OpenStore();
        var outcomes = new List<(TrialState, int)>();
        for (var loss = 1; loss <= 3; loss++)
        {
            var requeued = Assert.Single(await store.RequeueExpiredLeasesAsync(Ct));
            outcomes.Add((requeued.State, requeued.Attempt));
            if (requeued.State == TrialState.Pending)
            {
                Assert.NotNull(await ClaimOneAsync(store, $"worker-{loss}"));
                Clock.Advance(Lease);
            }
        }

        // budget.max_attempts defaults to 3 for the old sweep, and only the losses after the upgrade count.
        Assert.Equal([(TrialState.Pending, 6), (TrialState.Pending, 7), (TrialState.Failed, 7)], outcomes);
        Assert.Equal("the worker running it was lost 3 times (budget.max_attempts)", (await store.GetTrialAsync("old-sweep-t0", Ct))!.Reason);
        // The budget columns came later: an old sweep has none (its definition holds the budget).
        var old = (await store.GetSweepAsync("old-sweep", Ct))!;
        Assert.Equal((null, null, null), (old.MaxTrials, old.MaxParallel, old.MaxMinutes));
    }
}
