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
    protected EfSweepStore OpenStore() =>
        new EfSweepStore(new SweepDbContextFactory(Provider, ConnectionString), Clock, NullLogger<EfSweepStore>.Instance);

    /// <summary>Claims the oldest pending trial (of any sweep) for one slot; null when none is pending.</summary>
    protected async Task<TrialSnapshot?> ClaimOneAsync(ITrialQueue store, string workerId) =>
        (await store.ClaimPendingTrialsAsync(workerId, 1, Lease, Ct)).SingleOrDefault();

    protected static NewSweep ASweep(string name = "fashion-dense-tpe", MetricGoal goal = MetricGoal.Minimize) =>
        new(name, $"name: {name}\nmethod: tpe\nmetric: {{name: val_mse, goal: minimize}}\n", SweepDefinitionFormat.Yaml, "val_mse", goal, Seed: 42);

    protected static Dictionary<string, ParameterValue> SomeParameters(int depth = 2) => new()
    {
        ["depth"] = ParameterValue.Of(depth),
        ["learning_rate"] = ParameterValue.Of(0.001),
    };

    private async Task<(EfSweepStore Store, SweepSnapshot Sweep, TrialSnapshot Trial)> RunningTrialAsync(string workerId = "worker-a")
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

    /// <summary>Drops pooled connections, so a "restarted" store really opens the database anew.</summary>
    protected abstract Task ForgetConnectionsAsync();

    protected static Dictionary<string, double> Metric(double valMse) => new() { ["val_mse"] = valMse };
}
