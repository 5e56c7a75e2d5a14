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
            catch (Exception ex) when (IsTransient(ex) && DateTime.UtcNow - started < patience)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    // Orleans surfaces a dead silo as timeouts, connection failures and "silo unavailable"; argument and
    // validation errors from the grain itself are not worth retrying.
    private static bool IsTransient(Exception ex) =>
        ex is TimeoutException or System.Net.Sockets.SocketException or IOException
        || ex.GetType().Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true;
}
