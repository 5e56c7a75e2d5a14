using Microsoft.Extensions.Logging;

namespace AeSweep.Worker.Tests;

/// <summary>A logger that keeps what was logged, so tests can count warnings.</summary>
internal sealed class CollectingLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
