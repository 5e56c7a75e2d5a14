using System.Net;
using System.Net.Sockets;
using AeSweep.Cluster;
using AeSweep.Storage;
using AeSweep.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AeSweep.Cli.Hosting;

/// <summary>
/// The embedded mode in one process: an Orleans silo on loopback, the coordinator grains, a local worker, and
/// SQLite under the data folder. SQLite needs a single writer, which one process guarantees.
/// </summary>
internal static class EmbeddedHost
{
    public static IHost Build(string dataDirectory, int slots, int? gatewayPort, IPAddress? listenAddress, LogLevel logLevel)
    {
        Directory.CreateDirectory(dataDirectory);
        var artifacts = Path.Combine(dataDirectory, "artifacts");
        var database = Path.Combine(dataDirectory, "aesweep.db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ConfigureLogging(builder.Logging, logLevel);
        // Workers join through the gateway port as Orleans clients: on loopback by default, on other hosts
        // (containers, a LAN) only when a listen address is given explicitly.
        builder.UseOrleans(silo =>
        {
            var siloPort = FreePort();
            var gateway = gatewayPort ?? FreePort();
            if (listenAddress is null || IPAddress.IsLoopback(listenAddress))
            {
                silo.UseLocalhostClustering(siloPort, gateway);
                return;
            }

            var advertised = listenAddress.Equals(IPAddress.Any) ? PrimaryAddress() : listenAddress;
            silo.UseDevelopmentClustering(new IPEndPoint(advertised, siloPort));
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = advertised;
                o.SiloPort = siloPort;
                o.GatewayPort = gateway;
                o.SiloListeningEndpoint = new IPEndPoint(listenAddress, siloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(listenAddress, gateway);
            });
        });
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

    public static void ConfigureLogging(ILoggingBuilder logging, LogLevel logLevel)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        // Logs go to stderr so that stdout stays the command's result.
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static IPAddress PrimaryAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? IPAddress.Loopback;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
