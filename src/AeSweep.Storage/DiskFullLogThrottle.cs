using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>
/// EF Core's loggers, except that a disk-full failure is logged in one line at most once a minute: while the disk
/// stays full every write fails, and EF would log each one twice (the command and the save) with the whole stack.
/// </summary>
internal sealed class DiskFullLogThrottle(ILoggerFactory inner, DiskFullMonitor monitor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ThrottledLogger(inner.CreateLogger(categoryName), monitor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory belongs to the host.
    public void Dispose()
    {
    }

    private sealed class ThrottledLogger(ILogger inner, DiskFullMonitor monitor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && DiskFull.Is(exception))
            {
                monitor.LogIfDue(inner, exception);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
