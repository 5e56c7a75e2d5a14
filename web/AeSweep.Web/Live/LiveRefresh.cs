using System.Collections.Immutable;
using AeSweep.Application.Live;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web.Live;

/// <summary>
/// The dashboard's one source of "reload now": pages (and the trial gauges) subscribe with a topic and a reload
/// callback, and are told when something they follow changed. The primary source is the <see cref="ISweepChangeFeed"/>
/// — fed by the engine's pushed events (the coordinator grains' observer, through the host's adapter) and by the
/// application's own commands (submit, cancel, ask, tell). Until every change is pushed, one low-rate safety refresh
/// here (not one timer per page) tells every subscriber to reload, so a change no one published still shows up.
/// A subscriber's reloads never overlap: changes arriving during one are folded into one more reload after it, and a
/// reload that throws is logged and forgotten — the next change or safety tick simply tries again.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    /// <summary>How often every subscriber reloads when nothing was pushed (the pages polled every 2–3 s before).</summary>
    public static readonly TimeSpan DefaultSafetyInterval = TimeSpan.FromSeconds(3);

    private readonly ILogger<LiveRefresh> _logger;
    private readonly IDisposable _feed;
    private readonly ITimer _safety;
    private ImmutableList<Subscription> _subscriptions = [];

    public LiveRefresh(ISweepChangeFeed feed, TimeProvider time, ILogger<LiveRefresh> logger, TimeSpan? safetyInterval = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(time);
        _logger = logger;
        _feed = feed.Subscribe(Notify);
        var interval = safetyInterval ?? DefaultSafetyInterval;
        _safety = time.CreateTimer(_ => RefreshAll(), null, interval, interval);
    }

    /// <summary>Subscribers right now (pages open in some browser, the gauges).</summary>
    public int SubscriberCount => Volatile.Read(ref _subscriptions).Count;

    /// <summary>Calls <paramref name="reload"/> whenever something <paramref name="topic"/> follows changed, until the result is disposed.</summary>
    public IDisposable Subscribe(LiveTopic topic, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(reload);
        var subscription = new Subscription(this, topic, reload);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>Tells every subscriber to reload (the safety refresh).</summary>
    public void RefreshAll()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Signal();
        }
    }

    public void Dispose()
    {
        _safety.Dispose();
        _feed.Dispose();
        foreach (var subscription in Interlocked.Exchange(ref _subscriptions, []))
        {
            subscription.Dispose();
        }
    }

    private void Notify(SweepUpdate change)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Topic.Matches(change))
            {
                subscription.Signal();
            }
        }
    }

    private void Remove(Subscription subscription) => ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));

    private sealed class Subscription(LiveRefresh owner, LiveTopic topic, Func<Task> reload) : IDisposable
    {
        private const int Idle = 0, Reloading = 1, ReloadingWithMore = 2;
        private int _state;
        private volatile bool _disposed;

        public LiveTopic Topic => topic;

        public void Signal()
        {
            while (!_disposed)
            {
                var state = Volatile.Read(ref _state);
                if (state == ReloadingWithMore)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _state, state + 1, state) == state)
                {
                    if (state == Idle)
                    {
                        // Off the publisher's thread: a command or the timer never waits for (or runs) a page's reload.
                        _ = Task.Run(RunAsync);
                    }

                    return;
                }
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        private async Task RunAsync()
        {
            while (!_disposed)
            {
                try
                {
                    await reload();
                }
                catch (Exception ex)
                {
                    owner._logger.LogWarning(ex, "A live view's reload failed; the next change retries it");
                }

                // Done unless more changes came in meanwhile: then once more, for all of them.
                if (Interlocked.CompareExchange(ref _state, Idle, Reloading) == Reloading)
                {
                    return;
                }

                Volatile.Write(ref _state, Reloading);
            }

            Volatile.Write(ref _state, Idle);
        }
    }
}
