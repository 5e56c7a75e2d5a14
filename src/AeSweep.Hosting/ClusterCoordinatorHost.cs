using System.Net;
using AeSweep.Application;
using AeSweep.Cluster;
using AeSweep.Core.Definitions;
using AeSweep.Hosting.Orleans;
using AeSweep.Storage;
using AeSweep.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AeSweep.Hosting;

/// <summary>
/// A coordinator in cluster mode: a silo whose membership and sweep store are both PostgreSQL, so any number of
/// coordinators share the grains and any of them may die (kill -9) without losing a sweep.
/// </summary>
public static class ClusterCoordinatorHost
{
    private const long MigrationLockKey = 0x4165_5377_6565_7002;

    /// <summary>Creates Orleans' membership tables and applies the sweep store's migrations, once, whoever starts first.</summary>
    public static async Task PrepareDatabaseAsync(ClusterMembership membership, CancellationToken cancellationToken)
    {
        // Coordinators started together would otherwise race through the same migrations.
        await using var gate = new NpgsqlConnection(membership.PostgresConnectionString);
        await gate.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", gate))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await OrleansPostgresSchema.EnsureCreatedAsync(membership.PostgresConnectionString, cancellationToken);
        await using var services = new ServiceCollection()
            .AddAeSweepStorage(StorageProvider.Postgres, membership.PostgresConnectionString)
            .BuildServiceProvider();
        await services.MigrateAeSweepStorageAsync(cancellationToken);
        // Closing the connection releases the session lock.
    }

    public static IHost Build(ClusterMembership membership, IPAddress listenAddress, int siloPort, int gatewayPort, string artifactRoot, int slots, ProgramPolicy programs, LogLevel logLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        HostLogging.Configure(builder.Logging, logLevel);
        AddClusterCoordinator(builder, membership, listenAddress, siloPort, gatewayPort, artifactRoot, slots, programs);
        return builder.Build();
    }

    /// <summary>
    /// Adds a cluster coordinator (silo, PostgreSQL store, grains, optional local worker) to any host, e.g. the web
    /// server's; <paramref name="programs"/> decides which program sweeps it accepts and its local worker runs.
    /// </summary>
    public static void AddClusterCoordinator(IHostApplicationBuilder builder, ClusterMembership membership, IPAddress listenAddress, int siloPort, int gatewayPort, string artifactRoot, int slots, ProgramPolicy programs)
    {
        builder.Services.AddSingleton(programs);
        builder.UseOrleans(silo => silo.UsePostgresMembership(membership, listenAddress, siloPort, gatewayPort));
        builder.Services.AddAeSweepStorage(StorageProvider.Postgres, membership.PostgresConnectionString);
        builder.Services.AddAeSweepCoordinator(o => o.ArtifactRoot = artifactRoot);
        builder.Services.AddAeSweepApplication();
        if (slots > 0)
        {
            builder.Services.AddAeSweepWorker(o =>
            {
                o.ArtifactRoot = artifactRoot;
                o.Slots = slots;
                o.WorkerId = $"{Environment.MachineName}-coordinator-{Environment.ProcessId}";
            });
        }
    }
}
