namespace AeSweep.Cluster.Abstractions;

/// <summary>How long a subscription to <see cref="ISweepEventHubGrain"/> lasts, and how often subscribers renew it.</summary>
public static class SweepEventSubscription
{
    /// <summary>A subscriber not heard of for this long is dropped (a web host that went away without unsubscribing).</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a subscriber subscribes again, well inside <see cref="Lifetime"/>.</summary>
    public static TimeSpan RenewEvery { get; } = TimeSpan.FromSeconds(30);
}
