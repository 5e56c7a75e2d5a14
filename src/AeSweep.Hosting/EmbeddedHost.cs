using System.Net;
using AeSweep.Cluster;
using AeSweep.Storage;
using AeSweep.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AeSweep.Hosting;

/// <summary>
/// The embedded mode in one process: an Orleans silo on loopback, the coordinator grains, a local worker, and
/// SQLite under the data folder. SQLite needs a single writer, which one process guarantees.
/// </summary>
public static class EmbeddedHost
{
    public static IHost Build(string dataDirectory, int slots, int? gatewayPort, IPAddress? listenAddress, LogLevel logLevel)
    {
        Directory.CreateDirectory(dataDirectory);
        var artifacts = Path.Combine(dataDirectory, "artifacts");
        var database = Path.Combine(dataDirectory, "aesweep.db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        HostLogging.Configure(builder.Logging, logLevel);
        // Workers join through the gateway port as Orleans clients: on loopback by default, on other hosts
        // (containers, a LAN) only when a listen address is given explicitly.
        builder.UseOrleans(silo => silo.UseSingleSilo(listenAddress, OrleansClustering.FreePort(), gatewayPort ?? OrleansClustering.FreePort()));
        builder.Services.AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(database));
        builder.Services.AddAeSweepCoordinator(o => o.ArtifactRoot = artifacts);
        if (slots > 0)
        {
            builder.Services.AddAeSweepWorker(o =>
            {
                o.ArtifactRoot = artifacts;
                o.Slots = slots;
                o.WorkerId = $"local-{Environment.ProcessId}";
            });
        }

        return builder.Build();
    }
}
