using AeSweep.Application.Live;
using AeSweep.Cluster.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AeSweep.Hosting;

/// <summary>
/// Feeds the process's <see cref="ISweepChangeFeed"/> from the engine: subscribes to the cluster's
/// <see cref="ISweepEventHubGrain"/> (and renews the subscription before it expires, so a restarted hub or a missed
/// renewal heals on its own) and republishes every pushed <see cref="SweepEvent"/> as a <see cref="SweepUpdate"/>.
/// This is how a worker's epoch or a trial's end reaches an open dashboard page at once; the live-refresh service's
/// slow safety refresh only covers events lost on the way.
/// </summary>
public sealed class EngineChangeRelay(IGrainFactory grains, ISweepChangeFeed feed, TimeProvider time, ILogger<EngineChangeRelay> logger)
    : BackgroundService, ISweepEventObserver
{
    /// <summary>How soon a failed subscription is tried again (the silo may still be starting).</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    public Task OnSweepEventsAsync(List<SweepEvent> events)
    {
        foreach (var change in events)
        {
            feed.Publish(change.TrialId is { } trialId ? SweepUpdate.OfTrial(change.SweepId, trialId) : SweepUpdate.OfSweep(change.SweepId));
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<ISweepEventObserver>(this);
        var hub = grains.GetGrain<ISweepEventHubGrain>(0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = SweepEventSubscription.RenewEvery;
                try
                {
                    await hub.SubscribeAsync(reference);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Live updates: subscribing to the engine's changes failed; retrying");
                    wait = RetryAfterFailure;
                }

                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            try
            {
                await hub.UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(2), time, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The silo may already be gone; the subscription then expires on its own.
                logger.LogDebug(ex, "Live updates: unsubscribing failed");
            }

            grains.DeleteObjectReference<ISweepEventObserver>(reference);
        }
    }
}
