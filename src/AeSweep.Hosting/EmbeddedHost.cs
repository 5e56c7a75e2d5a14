using System.Net;
using AeSweep.Application;
using AeSweep.Cluster;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AeSweep.Hosting;

/// <summary>
/// The embedded mode in one process: an Orleans silo on loopback, the coordinator grains, a local worker, and
/// SQLite under the data folder. SQLite needs a single writer, which one process guarantees.
/// </summary>
public static class EmbeddedHost
{
    public static IHost Build(string dataDirectory, int slots, int? gatewayPort, IPAddress? listenAddress, ProgramPolicy programs, LogLevel logLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        HostLogging.Configure(builder.Logging, logLevel);
        AddEmbeddedCluster(builder, dataDirectory, slots, gatewayPort, listenAddress, programs);
        return builder.Build();
    }

    /// <summary>
    /// Adds the silo, SQLite store, coordinator and local worker to any host (the CLI's or the web server's);
    /// <paramref name="programs"/> decides which program sweeps it accepts and its local worker runs. Checkpoints and
    /// images go to <paramref name="artifactRoot"/> (serve's <c>--artifacts</c>), DATA/artifacts when null.
    /// </summary>
    public static void AddEmbeddedCluster(IHostApplicationBuilder builder, string dataDirectory, int slots, int? gatewayPort, IPAddress? listenAddress, ProgramPolicy programs, string? artifactRoot = null)
    {
        builder.Services.AddSingleton(programs);
        Directory.CreateDirectory(dataDirectory);
        var artifacts = artifactRoot ?? ArtifactRoot(dataDirectory);
        // Workers join through the gateway port as Orleans clients: on loopback by default, on other hosts
        // (containers, a LAN) only when a listen address is given explicitly.
        builder.UseOrleans(silo => silo.UseSingleSilo(listenAddress, OrleansClustering.FreePort(), gatewayPort ?? OrleansClustering.FreePort()));
        builder.Services.AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(DatabasePath(dataDirectory)));
        builder.Services.AddAeSweepCoordinator(o => o.ArtifactRoot = artifacts);
        builder.Services.AddAeSweepApplication();
        if (slots > 0)
        {
            builder.Services.AddAeSweepWorker(o =>
            {
                o.ArtifactRoot = artifacts;
                o.Slots = slots;
                o.WorkerId = $"local-{Environment.ProcessId}";
            });
        }
    }

    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, "aesweep.db");

    public static string ArtifactRoot(string dataDirectory) => Path.Combine(dataDirectory, "artifacts");
}
