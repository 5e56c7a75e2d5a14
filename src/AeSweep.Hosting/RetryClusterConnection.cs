using Microsoft.Extensions.Logging;

namespace AeSweep.Hosting;

/// <summary>
/// Lets a client (worker, submitter) start before the cluster does: connection attempts are retried with a short
/// back-off for up to <see cref="Patience"/> instead of failing the process — the coordinator may still be creating
/// its membership tables, or restarting. Workers wait indefinitely; one-shot commands give up after a while.
/// </summary>
public sealed class RetryClusterConnection(ILogger<RetryClusterConnection> logger, TimeSpan patience) : IClientConnectionRetryFilter
{
    private readonly DateTime _started = DateTime.UtcNow;
    private int _attempts;

    public TimeSpan Patience { get; } = patience;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || DateTime.UtcNow - _started > Patience)
        {
            return false;
        }

        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt == 1 || attempt % 10 == 0)
        {
            logger.LogWarning("The cluster is not reachable yet ({Message}); retrying", exception.Message);
        }

        await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), cancellationToken);
        return true;
    }
}
