using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Application.Live;

/// <summary>
/// The in-process <see cref="ISweepChangeFeed"/>: subscribers are called synchronously on the publisher's thread (they
/// only schedule work), from a copy-on-write list so that subscribing during a publish is safe.
/// </summary>
public sealed class SweepChangeFeed(ILogger<SweepChangeFeed>? logger = null) : ISweepChangeFeed
{
    private readonly ILogger _logger = logger ?? NullLogger<SweepChangeFeed>.Instance;
    private ImmutableList<Action<SweepUpdate>> _subscribers = [];

    public void Publish(SweepUpdate change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(change);
            }
            catch (Exception ex)
            {
                // One broken subscriber must not keep the change from the others, nor fail the command that published.
                _logger.LogWarning(ex, "A subscriber of sweep {SweepId}'s changes failed", change.SweepId);
            }
        }
    }

    public IDisposable Subscribe(Action<SweepUpdate> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onChange));
        return new Subscription(this, onChange);
    }

    private sealed class Subscription(SweepChangeFeed feed, Action<SweepUpdate> onChange) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref feed._subscribers, list => list.Remove(onChange));
    }
}
