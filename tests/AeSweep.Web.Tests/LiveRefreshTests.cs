using System.Collections.Concurrent;
using AeSweep.Application.Live;
using AeSweep.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AeSweep.Web.Tests;

/// <summary>The dashboard's one live-refresh service on the real in-process change feed, with a fake clock for its safety refresh.</summary>
public sealed class LiveRefreshTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly SweepChangeFeed _feed = new();
    private readonly FakeTimeProvider _time = new();
    private readonly LiveRefresh _live;

    public LiveRefreshTests() => _live = new LiveRefresh(_feed, _time, NullLogger<LiveRefresh>.Instance, Safety);

    [Fact]
    public async Task A_sweeps_subscriber_is_told_of_its_sweeps_changes_and_not_of_another_sweeps()
    {
        var mine = new Counter();
        var everything = new Counter();
        using var sweep = _live.Subscribe(LiveTopic.Sweep("sweep-a"), mine.Reload);
        using var all = _live.Subscribe(LiveTopic.Everything, everything.Reload);

        _feed.Publish(SweepUpdate.OfTrial("sweep-b", "trial-b1"));
        await everything.WaitForAsync(1);
        _feed.Publish(SweepUpdate.OfTrial("sweep-a", "trial-a1"));
        await mine.WaitForAsync(1);
        await everything.WaitForAsync(2);

        Assert.Equal(1, mine.Count);
    }

    [Fact]
    public async Task A_trials_subscriber_is_told_of_its_trial_and_its_sweeps_own_changes_only()
    {
        var trial = new Counter();
        var marker = new Counter();
        using var subscription = _live.Subscribe(LiveTopic.Trial("trial-a1", "sweep-a"), trial.Reload);
        using var sweepB = _live.Subscribe(LiveTopic.Sweep("sweep-b"), marker.Reload);

        _feed.Publish(SweepUpdate.OfTrial("sweep-a", "trial-a2"));
        _feed.Publish(SweepUpdate.OfTrial("sweep-b", "trial-b1"));
        await marker.WaitForAsync(1);
        Assert.Equal(0, trial.Count);

        _feed.Publish(SweepUpdate.OfTrial("sweep-a", "trial-a1"));
        await trial.WaitForAsync(1);
        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));
        await trial.WaitForAsync(2);
    }

    [Fact]
    public async Task A_throwing_reload_does_not_stop_later_notifications_of_it_or_of_others()
    {
        var attempts = new Counter();
        var other = new Counter();
        using var failing = _live.Subscribe(LiveTopic.Sweep("sweep-a"), () =>
        {
            attempts.Increment();
            throw new InvalidOperationException("the database is away");
        });
        using var healthy = _live.Subscribe(LiveTopic.Sweep("sweep-a"), other.Reload);

        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));
        await attempts.WaitForAsync(1);
        await other.WaitForAsync(1);
        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));

        await attempts.WaitForAsync(2);
        await other.WaitForAsync(2);
    }

    [Fact]
    public async Task A_throwing_feed_subscriber_does_not_keep_the_change_from_the_live_service()
    {
        using var broken = _feed.Subscribe(_ => throw new InvalidOperationException("broken"));
        var page = new Counter();
        using var subscription = _live.Subscribe(LiveTopic.Sweep("sweep-a"), page.Reload);

        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));

        await page.WaitForAsync(1);
    }

    [Fact]
    public async Task The_safety_refresh_tells_every_subscriber_and_keeps_going_after_a_failed_reload()
    {
        var failures = new Counter();
        var page = new Counter();
        using var failing = _live.Subscribe(LiveTopic.Sweep("sweep-a"), async () =>
        {
            failures.Increment();
            await Task.Yield();
            throw new TimeoutException("slow store");
        });
        using var subscription = _live.Subscribe(LiveTopic.Trial("trial-x"), page.Reload);

        _time.Advance(Safety);
        await failures.WaitForAsync(1);
        await page.WaitForAsync(1);
        _time.Advance(Safety);

        await failures.WaitForAsync(2);
        await page.WaitForAsync(2);
    }

    [Fact]
    public async Task A_disposed_subscription_is_told_nothing_more()
    {
        var gone = new Counter();
        var stays = new Counter();
        var subscription = _live.Subscribe(LiveTopic.Everything, gone.Reload);
        using var other = _live.Subscribe(LiveTopic.Everything, stays.Reload);
        Assert.Equal(2, _live.SubscriberCount);

        subscription.Dispose();
        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));
        await stays.WaitForAsync(1);
        _time.Advance(Safety);

        await stays.WaitForAsync(2);
        Assert.Equal(0, gone.Count);
        Assert.Equal(1, _live.SubscriberCount);
    }

    [Fact]
    public async Task Changes_during_a_reload_fold_into_one_more_reload()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new Counter();
        using var subscription = _live.Subscribe(LiveTopic.Everything, async () =>
        {
            started.Increment();
            if (started.Count == 1)
            {
                await release.Task;
            }
        });

        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));
        await started.WaitForAsync(1);
        for (var i = 0; i < 5; i++)
        {
            _feed.Publish(SweepUpdate.OfTrial("sweep-a", $"trial-{i}"));
        }

        release.SetResult();
        await started.WaitForAsync(2);
        var marker = new Counter();
        using var after = _live.Subscribe(LiveTopic.Everything, marker.Reload);
        _feed.Publish(SweepUpdate.OfSweep("sweep-b"));
        await marker.WaitForAsync(1);
        await started.WaitForAsync(3);

        Assert.Equal(3, started.Count);
    }

    public void Dispose() => _live.Dispose();

    private sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);

        public Task Reload()
        {
            Increment();
            return Task.CompletedTask;
        }

        public async Task WaitForAsync(int atLeast)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Count < atLeast)
            {
                Assert.True(DateTime.UtcNow < deadline, $"expected at least {atLeast} reloads, saw {Count}");
                await Task.Delay(5);
            }
        }
    }
}
