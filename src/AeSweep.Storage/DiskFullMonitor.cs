using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>
/// Whether the store's disk is full right now, for the readiness check: a disk-full failure marks it, the next
/// successful write clears it (writes resume by themselves once space returns). For SQLite the data folder's free
/// space is also looked at, so readiness is right even while nothing writes. Also paces the error in the log.
/// </summary>
public sealed class DiskFullMonitor(TimeProvider clock, string? dataFolder = null)
{
    /// <summary>The disk-full error is logged at most this often.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);

    /// <summary>Below this much free space a SQLite data folder counts as full: SQLite needs room for pages and its WAL.</summary>
    public const long MinimumFreeBytes = 256 * 1024;

    /// <summary>The paced line's event: loggers that pace disk-full errors let it through as it is.</summary>
    public static readonly EventId LogEvent = new(5310, "DiskFull");

    private readonly Lock _gate = new();
    private DateTimeOffset? _fullSince;
    private DateTimeOffset? _lastLogged;

    /// <summary>True after a disk-full failure with no successful write since, or when the data folder has no room left.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate)
            {
                if (_fullSince is not null)
                {
                    return true;
                }
            }

            return dataFolder is not null && FreeBytes(dataFolder) is < MinimumFreeBytes;
        }
    }

    /// <summary>Records a failure; only disk-full ones count.</summary>
    public void Failed(Exception? exception)
    {
        if (DiskFull.Is(exception))
        {
            lock (_gate)
            {
                _fullSince ??= clock.GetUtcNow();
            }
        }
    }

    /// <summary>A write went through: there is room again.</summary>
    public void Wrote()
    {
        lock (_gate)
        {
            _fullSince = null;
        }
    }

    /// <summary>Logs the disk-full error in one line, unless it was logged less than <see cref="LogInterval"/> ago.</summary>
    public void LogIfDue(ILogger logger, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception;
        while (cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        LogIfDue(logger, cause.Message);
    }

    /// <summary>Logs the disk-full error in one line naming <paramref name="cause"/>, unless it was logged less than <see cref="LogInterval"/> ago.</summary>
    public void LogIfDue(ILogger logger, string cause)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (ShouldLog())
        {
            logger.LogError(LogEvent, "{Problem} ({Cause}): writes fail until space is freed, then resume by themselves; logged at most once a minute", Capitalized(DiskFull.Message), cause);
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private bool ShouldLog()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_lastLogged is { } last && now - last < LogInterval)
            {
                return false;
            }

            _lastLogged = now;
            return true;
        }
    }

    private static long? FreeBytes(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? new DriveInfo(folder).AvailableFreeSpace : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
