using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AeSweep.Storage;

/// <summary>
/// A host's loggers (and EF Core's), except that a disk-full failure is logged in one line, without its stack, at most
/// once a minute per process: while the disk stays full every write fails, and grains, workers, timers and EF would
/// each log every failure. Recognised by the exception when one is logged, else by the message (a grain's error
/// copied into a worker's "heartbeat failed (...)"). Everything else is logged as it was.
/// </summary>
public sealed class DiskFullLogThrottle : ILoggerFactory
{
    private readonly ILoggerFactory _inner;
    private readonly DiskFullMonitor _monitor;
    private readonly bool _ownsInner;

    private DiskFullLogThrottle(ILoggerFactory inner, DiskFullMonitor monitor, bool ownsInner)
    {
        _inner = inner;
        _monitor = monitor;
        _ownsInner = ownsInner;
    }

    /// <summary>Paces <paramref name="loggers"/> through <paramref name="monitor"/>, unless they are paced already.</summary>
    public static ILoggerFactory Wrap(ILoggerFactory loggers, DiskFullMonitor monitor) =>
        loggers as DiskFullLogThrottle ?? new DiskFullLogThrottle(loggers, monitor, ownsInner: false);

    /// <summary>
    /// Makes the host's <see cref="ILoggerFactory"/> a paced one: every <c>ILogger</c> the host hands out goes through
    /// it, so no log site has to know about full disks. Shares the store's <see cref="DiskFullMonitor"/> where there is
    /// one (a worker-only process has none and gets its own).
    /// </summary>
    public static void PaceHostLogs(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new DiskFullLogThrottle(
            new LoggerFactory(sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(), sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()),
            sp.GetService<DiskFullMonitor>() ?? new DiskFullMonitor(sp.GetService<TimeProvider>() ?? TimeProvider.System),
            ownsInner: true)));
    }

    public ILogger CreateLogger(string categoryName) =>
        new ThrottledLogger(_inner.CreateLogger(categoryName), _monitor, categoryName == DbLoggerCategory.Database.Transaction.Name);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    // A wrapped factory that came from outside belongs to whoever made it.
    public void Dispose()
    {
        if (_ownsInner)
        {
            _inner.Dispose();
        }
    }

    // transactions: EF's transaction log. SQLite rolls a transaction back itself when the disk fills, so EF's own
    // rollback fails too, once per failed save; while the disk is full that is the same error again.
    private sealed class ThrottledLogger(ILogger inner, DiskFullMonitor monitor, bool transactions) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (transactions && logLevel >= LogLevel.Warning && monitor.IsFull)
            {
                // The failed command behind it is what the paced line names.
                return;
            }

            if (eventId != DiskFullMonitor.LogEvent && ReportsDiskFull(logLevel, state, exception, formatter))
            {
                monitor.LogIfDue(inner, exception is not null ? Cause(exception) : formatter(state, null));
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        // The paced line itself (its event) passes; anything else that names a full disk is paced.
        private bool ReportsDiskFull<TState>(LogLevel logLevel, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            exception is not null
                ? DiskFull.Is(exception)
                : logLevel >= LogLevel.Warning && IsEnabled(logLevel) && DiskFull.IsReportedIn(formatter(state, null));

        private static string Cause(Exception exception)
        {
            var cause = exception;
            while (cause.InnerException is not null)
            {
                cause = cause.InnerException;
            }

            return cause.Message;
        }
    }
}
