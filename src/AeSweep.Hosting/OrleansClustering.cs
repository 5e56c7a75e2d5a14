using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace AeSweep.Hosting;

/// <summary>How every AeSweep process joins Orleans: the embedded single silo, cluster silos, and clients.</summary>
public static class OrleansClustering
{
    // Orleans' defaults take about a minute to declare a killed silo dead; a sweep cluster is small and on a
    // trusted network, so ~10 s keeps a coordinator's death well inside the 30 s a trial may wait to resume.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The cluster and service id of the embedded coordinator (aesweep run) and of the workers that join its gateway.</summary>
    public const string EmbeddedClusterId = "aesweep-embedded";

    /// <summary>A cluster coordinator: membership in PostgreSQL, listening on <paramref name="listenAddress"/>.</summary>
    public static ISiloBuilder UsePostgresMembership(this ISiloBuilder silo, ClusterMembership membership, IPAddress listenAddress, int siloPort, int gatewayPort)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = membership.PostgresConnectionString;
        });
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = membership.ClusterId;
            o.ServiceId = ClusterMembership.ServiceId;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            o.NumMissedProbesLimit = 3;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        ConfigureEndpoints(silo, listenAddress, siloPort, gatewayPort);
        return silo;
    }

    /// <summary>The embedded silo of <c>aesweep run</c>: on loopback by default, reachable from elsewhere only when asked.</summary>
    public static ISiloBuilder UseSingleSilo(this ISiloBuilder silo, IPAddress? listenAddress, int siloPort, int gatewayPort)
    {
        if (listenAddress is null || IPAddress.IsLoopback(listenAddress))
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: EmbeddedClusterId, clusterId: EmbeddedClusterId);
            return silo;
        }

        var advertised = Advertised(listenAddress);
        silo.UseDevelopmentClustering(new IPEndPoint(advertised, siloPort));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = EmbeddedClusterId;
            o.ServiceId = EmbeddedClusterId;
        });
        ConfigureEndpoints(silo, listenAddress, siloPort, gatewayPort);
        return silo;
    }

    /// <summary>A client (worker, submitter) that finds the cluster's gateways in the membership table.</summary>
    public static IClientBuilder UsePostgresMembership(this IClientBuilder client, ClusterMembership membership, TimeSpan? connectPatience = null)
    {
        WaitForCluster(client, connectPatience);
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = membership.PostgresConnectionString;
        });
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = membership.ClusterId;
            o.ServiceId = ClusterMembership.ServiceId;
        });
        return ReconnectPromptly(client);
    }

    /// <summary>A client of the embedded coordinator's gateway (one known endpoint).</summary>
    public static IClientBuilder UseGateway(this IClientBuilder client, IPEndPoint gateway, TimeSpan? connectPatience = null)
    {
        WaitForCluster(client, connectPatience);
        client.UseStaticClustering(gateway);
        // A gateway refuses clients whose preamble names another cluster id, so both sides name it explicitly
        // (Orleans 10's UseLocalhostClustering keeps the default "default" unless it is given ids).
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = EmbeddedClusterId;
            o.ServiceId = EmbeddedClusterId;
        });
        return ReconnectPromptly(client);
    }

    // Null: keep trying for as long as the process runs (a worker waiting for its coordinator).
    private static void WaitForCluster(IClientBuilder client, TimeSpan? patience) =>
        client.Services.AddSingleton<IClientConnectionRetryFilter>(sp =>
            new RetryClusterConnection(sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetryClusterConnection>>(), patience ?? TimeSpan.MaxValue));

    /// <summary>A free TCP port on loopback, for silo and gateway ports nobody asked for.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A restarted coordinator should get its workers back within seconds, not at Orleans' one-minute gateway
    // refresh; and a call caught in flight by a killed coordinator should fail (and be retried) after seconds, not
    // the default 30: every AeSweep grain call is a short database round trip.
    private static IClientBuilder ReconnectPromptly(IClientBuilder client) =>
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));

    private static void ConfigureEndpoints(ISiloBuilder silo, IPAddress listenAddress, int siloPort, int gatewayPort)
    {
        var advertised = Advertised(listenAddress);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(listenAddress, siloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(listenAddress, gatewayPort);
        });
    }

    private static IPAddress Advertised(IPAddress listenAddress) =>
        !listenAddress.Equals(IPAddress.Any) ? listenAddress
        : Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
}
