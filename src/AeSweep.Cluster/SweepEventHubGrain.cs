using AeSweep.Cluster.Abstractions;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace AeSweep.Cluster;

/// <summary>
/// Fans sweep and trial changes out to subscribed web hosts. Holds nothing but the subscriptions, which expire
/// unless renewed, so a host that vanished is dropped; a restarted hub is filled again by the next renewals.
/// Reentrant: forwarding a batch is one-way and never waits for a subscriber.
/// </summary>
[Reentrant]
public sealed class SweepEventHubGrain(ILogger<SweepEventHubGrain> logger) : Grain, ISweepEventHubGrain
{
    private readonly ObserverManager<ISweepEventObserver> _observers = new(SweepEventSubscription.Lifetime, logger);

    public Task SubscribeAsync(ISweepEventObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISweepEventObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(List<SweepEvent> events)
    {
        if (_observers.Count > 0 && events.Count > 0)
        {
            // One-way calls: the returned task is already complete, nothing waits for the subscriber.
            _observers.Notify(o => _ = o.OnSweepEventsAsync(events));
        }

        return Task.CompletedTask;
    }
}
