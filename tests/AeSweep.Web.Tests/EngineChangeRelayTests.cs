using AeSweep.Application.Live;
using AeSweep.Cluster.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>
/// Changes made inside the engine — not by one of this host's commands — reach the web host's change feed through the
/// grains' pushed events, so open pages reload at once instead of waiting for the safety refresh.
/// </summary>
public sealed class EngineChangeRelayTests
{
    [Fact]
    public async Task A_sweep_cancelled_inside_the_engine_reaches_the_change_feed()
    {
        await using var server = await OwnServer.StartAsync();
        await WaitUntilRelayingAsync(server);
        var sweepId = await Sweeps.SubmitAsync(server.ApiClient(), Sweeps.AskTell("relay"));
        var feed = server.Services.GetRequiredService<ISweepChangeFeed>();
        var heard = new TaskCompletionSource<SweepUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(update =>
        {
            if (update.SweepId == sweepId && update.TrialId is null)
            {
                heard.TrySetResult(update);
            }
        });

        // Straight to the coordinator grain, as the engine's own rules (a deadline, a failure streak) would end it:
        // no application command runs, so only the grains' push can tell the feed.
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<ISweepCoordinatorGrain>(sweepId).CancelAsync("ended inside the engine");

        var update = await heard.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(SweepUpdateKind.Sweep, update.Kind);
    }

    [Fact]
    public async Task A_trial_event_published_by_a_grain_reaches_the_feed_as_a_trial_update()
    {
        await using var server = await OwnServer.StartAsync();

        var update = await WaitUntilRelayingAsync(server);

        Assert.Equal(new SweepUpdate("relay-sweep", "relay-trial", SweepUpdateKind.Trial), update);
    }

    /// <summary>
    /// Publishes a trial event on the hub until the feed hears it: the relay subscribes as the host starts, and events
    /// published before that are lost by design (pages then catch up with the safety refresh).
    /// </summary>
    private static async Task<SweepUpdate> WaitUntilRelayingAsync(OwnServer server)
    {
        var feed = server.Services.GetRequiredService<ISweepChangeFeed>();
        var heard = new TaskCompletionSource<SweepUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(update =>
        {
            if (update.SweepId == "relay-sweep")
            {
                heard.TrySetResult(update);
            }
        });
        var hub = server.Services.GetRequiredService<IGrainFactory>().GetGrain<ISweepEventHubGrain>(0);
        return await PublishUntilHeardAsync(hub, heard.Task);
    }

    private static async Task<SweepUpdate> PublishUntilHeardAsync(ISweepEventHubGrain hub, Task<SweepUpdate> heard)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await hub.PublishAsync([new SweepEvent("relay-sweep", "relay-trial", SweepEventKind.TrialEpoch, "running", DateTimeOffset.UtcNow, 3)]);
            if (await Task.WhenAny(heard, Task.Delay(250)) == heard)
            {
                return await heard;
            }
        }

        throw new TimeoutException("no pushed event reached the change feed within 20 s");
    }
}
