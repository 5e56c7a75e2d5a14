using Orleans.Concurrency;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// Receives sweep and trial changes from <see cref="ISweepEventHubGrain"/>, in batches. One-way: a slow or gone
/// subscriber never holds up the grains. Events may be lost (a subscription expired, a silo restarted), so a
/// subscriber treats them as "refresh now" hints and reads the state itself.
/// </summary>
public interface ISweepEventObserver : IGrainObserver
{
    /// <summary>A batch of changes, oldest first.</summary>
    [OneWay]
    Task OnSweepEventsAsync(List<SweepEvent> events);
}
