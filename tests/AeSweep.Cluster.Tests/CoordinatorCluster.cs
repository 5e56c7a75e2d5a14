using AeSweep.Application;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AeSweep.Cluster.Tests;

/// <summary>An in-process Orleans cluster with the real grains and a real SQLite store in a temp folder.</summary>
internal sealed class CoordinatorCluster : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aesweep-grains-").FullName;
    private InProcessTestCluster _cluster = null!;

    public EfSweepStore Store { get; private set; } = null!;

    public IGrainFactory Grains => _cluster.Client;

    public ITrialDispatcherGrain Dispatcher => Grains.GetGrain<ITrialDispatcherGrain>(0);

    public static async Task<CoordinatorCluster> StartAsync(Action<SchedulingOptions>? configure = null)
    {
        var cluster = new CoordinatorCluster();
        var connection = SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(cluster._folder, "aesweep.db"));
        await using (var migration = new ServiceCollection().AddAeSweepStorage(StorageProvider.Sqlite, connection).BuildServiceProvider())
        {
            await migration.MigrateAeSweepStorageAsync(CancellationToken.None);
        }

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.Services
            .AddAeSweepStorage(StorageProvider.Sqlite, connection)
            .AddAeSweepCoordinator(o =>
            {
                o.ArtifactRoot = Path.Combine(cluster._folder, "artifacts");
                configure?.Invoke(o);
            })
            // Program sweeps are accepted (no worker here runs them): the policy itself is tested in Core, Web and Cli.
            .AddSingleton(ProgramPolicy.Any)
            .AddAeSweepApplication());
        cluster._cluster = builder.Build();
        await cluster._cluster.DeployAsync();
        cluster.Store = cluster.SiloServices.GetRequiredService<EfSweepStore>();
        return cluster;
    }

    public IServiceProvider SiloServices => _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress);

    public async Task<SweepSnapshot> SubmitAsync(string yaml)
    {
        var parsed = SweepDefinitionParser.Parse(yaml);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        var submitted = await SiloServices.GetRequiredService<ISweepCommands>().SubmitAsync(parsed.Definition!, CancellationToken.None);
        Assert.Equal(SubmitOutcome.Submitted, submitted.Outcome);
        return (await Store.GetSweepAsync(submitted.Sweep!.Id, CancellationToken.None))!;
    }

    public Task DeactivateAsync(IAddressable grain) => _cluster.DeactivateAsync(grain);

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
