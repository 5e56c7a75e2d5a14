namespace AeSweep.Worker;

/// <summary>Retries an idempotent grain call while the cluster recovers from a lost silo.</summary>
internal static class ClusterCall
{
    public static async Task<T> WithRetries<T>(Func<Task<T>> call, TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken) && DateTime.UtcNow - started < patience)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    /// <summary>
    /// Whether a failed call is worth another try. Everything the calls made through here do is idempotent, so the
    /// question is only whether a retry can answer differently. A lost silo surfaces in many shapes, not all of them
    /// Orleans' own: timeouts, socket and connection errors, "silo unavailable", a cancelled call whose connection
    /// closed under it, or a database error from the coordinator reactivating on the new silo. Treating any of those as
    /// final failed (or, for a cancellation, cancelled) a trial that was training fine. Only a call refused for its
    /// arguments, or the caller's own cancellation, ends the retries early; the rest retry until the patience runs out.
    /// </summary>
    internal static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        ArgumentException or NotSupportedException or NotImplementedException => false,
        _ => true,
    };
}
