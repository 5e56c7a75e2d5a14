using System.Net;
using AeSweep.Cluster.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AeSweep.Benchmarks.Dispatch;

/// <summary>
/// <c>--subscriber</c>: a live view's stand-in, subscribed to the embedded coordinator's sweep events for the whole
/// run, so the benchmark shows whether pushing updates slows dispatch. Counts what it hears.
/// </summary>
internal sealed class EventSubscriber : ISweepEventObserver, IAsyncDisposable
{
    // The embedded coordinator's cluster and service id (AeSweep.Hosting.OrleansClustering.EmbeddedClusterId).
    private const string EmbeddedClusterId = "aesweep-embedded";

    private IHost? _host;
    private long _events;

    public long Events => Interlocked.Read(ref _events);

    public Task OnSweepEventsAsync(List<SweepEvent> events)
    {
        Interlocked.Add(ref _events, events.Count);
        return Task.CompletedTask;
    }

    /// <summary>Connects to the gateway (retrying until the coordinator is up) and subscribes, renewing while the run lasts.</summary>
    public async Task StartAsync(int gatewayPort, CancellationToken cancellationToken)
    {
        while (true)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.UseOrleansClient(client =>
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (EmbeddedClusterId, EmbeddedClusterId));
            });
            var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken);
                _host = host;
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                host.Dispose();
                await Task.Delay(100, cancellationToken);
            }
        }

        var grains = _host.Services.GetRequiredService<IClusterClient>();
        var reference = grains.CreateObjectReference<ISweepEventObserver>(this);
        var hub = grains.GetGrain<ISweepEventHubGrain>(0);
        await hub.SubscribeAsync(reference);
        _ = RenewAsync(hub, reference, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            try
            {
                await _host.StopAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The coordinator is gone already: nothing to unsubscribe from.
            }

            _host.Dispose();
        }
    }

    private static async Task RenewAsync(ISweepEventHubGrain hub, ISweepEventObserver reference, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(SweepEventSubscription.RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await hub.SubscribeAsync(reference);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The run ended (cancelled) or the coordinator exited.
        }
    }
}
