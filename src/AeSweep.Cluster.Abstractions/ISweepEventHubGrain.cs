using Orleans.Concurrency;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// The cluster's fan-out of sweep and trial changes (key 0): coordinator and dispatcher grains publish batches,
/// web hosts subscribe. A subscription expires after <see cref="SweepEventSubscription.Lifetime"/>; subscribers
/// subscribe again every <see cref="SweepEventSubscription.RenewEvery"/> (subscribing twice is harmless).
/// </summary>
public interface ISweepEventHubGrain : IGrainWithIntegerKey
{
    /// <summary>Subscribes (or renews) <paramref name="observer"/>.</summary>
    Task SubscribeAsync(ISweepEventObserver observer);

    /// <summary>Ends <paramref name="observer"/>'s subscription.</summary>
    Task UnsubscribeAsync(ISweepEventObserver observer);

    /// <summary>Forwards a batch of changes to every subscriber. One-way: publishers never wait for it.</summary>
    [OneWay]
    Task PublishAsync(List<SweepEvent> events);
}
