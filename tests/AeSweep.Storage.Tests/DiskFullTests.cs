using System.Data.Common;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

/// <summary>
/// A full disk on a real SQLite store: a connection interceptor caps the database at its current size
/// (<c>PRAGMA max_page_count</c>), so SQLite itself fails every growing write with SQLITE_FULL (13), as on a full
/// disk, without needing a mount. The monitor sees it, the next write after space returns clears it, and the error
/// is logged at most once a minute.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aesweep-disk-full-").FullName;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));
    private readonly FullDisk _disk = new();
    private readonly CollectingLoggerProvider _log = new();
    private DiskFullMonitor _monitor = null!;
    private EfSweepStore _store = null!;
    private SweepDbContextFactory _contexts = null!;

    public async Task InitializeAsync()
    {
        var connection = SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_folder, "aesweep.db"));
        _monitor = new DiskFullMonitor(_clock);
        using var loggers = LoggerFactory.Create(b => b.AddProvider(_log).SetMinimumLevel(LogLevel.Debug));
        _contexts = new SweepDbContextFactory(StorageProvider.Sqlite, connection, loggers, _monitor, [_disk]);
        await new SweepDatabaseMigrator(_contexts, NullLogger<SweepDatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        _store = new EfSweepStore(_contexts, _clock, NullLogger<EfSweepStore>.Instance);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_write_on_a_full_disk_fails_as_disk_full_and_the_next_write_after_space_returns_clears_it()
    {
        await _store.CreateSweepAsync(ASweep("before"), CancellationToken.None);
        _disk.Full = true;
        SqliteConnection.ClearAllPools();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => _store.CreateSweepAsync(ASweep("while-full"), CancellationToken.None));

        Assert.True(DiskFull.Is(failure), failure.ToString());
        Assert.True(_monitor.IsFull);
        Assert.Single((await _store.ListSweepsAsync(0, 10, CancellationToken.None)).Items);

        _disk.Full = false;
        SqliteConnection.ClearAllPools();
        await _store.CreateSweepAsync(ASweep("after"), CancellationToken.None);

        Assert.False(_monitor.IsFull);
        Assert.Equal(2, (await _store.ListSweepsAsync(0, 10, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Repeated_disk_full_failures_are_logged_once_a_minute_in_one_line()
    {
        _disk.Full = true;
        SqliteConnection.ClearAllPools();

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => _store.CreateSweepAsync(ASweep($"full-{i}"), CancellationToken.None));
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, _log.Count(DiskFullLine));
        _clock.Advance(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<Exception>(() => _store.CreateSweepAsync(ASweep("a-minute-later"), CancellationToken.None));

        Assert.Equal(2, _log.Count(DiskFullLine));
        Assert.Equal(0, _log.Count(e => e.Level >= LogLevel.Warning && !DiskFullLine(e)));
        Assert.All(_log.Entries.Where(DiskFullLine), e => Assert.DoesNotContain('\n', e.Message));
    }

    [Fact]
    public async Task Other_failed_commands_are_still_logged_every_time_and_do_not_count_as_disk_full()
    {
        for (var i = 0; i < 2; i++)
        {
            await using var db = _contexts.CreateDbContext();
            await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM no_such_table"));
        }

        Assert.Equal(2, _log.Count(e => e.Level == LogLevel.Error && e.Message.Contains("no such table: no_such_table", StringComparison.Ordinal)));
        Assert.False(_monitor.IsFull);
    }

    [Fact]
    public void A_hosts_loggers_pace_disk_full_errors_from_every_log_site_in_one_line_and_log_other_errors_as_before()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(new DiskFullMonitor(_clock));
        services.AddLogging(b => b.AddProvider(_log).SetMinimumLevel(LogLevel.Debug));
        DiskFullLogThrottle.PaceHostLogs(services);
        using var host = services.BuildServiceProvider();
        // Log sites as a worker, a grain timer and a heartbeat have them: with the error, wrapped, or only its message.
        var worker = host.GetRequiredService<ILogger<DiskFullTests>>();
        var dispatcher = host.GetRequiredService<ILoggerFactory>().CreateLogger("AeSweep.Cluster.TrialDispatcherGrain");
        var full = new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);

        for (var i = 0; i < 5; i++)
        {
            worker.LogWarning(full, "Trial {TrialId}: could not report its end", "t-1");
            dispatcher.LogError(new InvalidOperationException("lease check failed", full), "Lease check failed");
            worker.LogWarning("Worker {WorkerId}: heartbeat failed ({Message})", "w-1", full.Message);
            worker.LogError(new InvalidOperationException("something else"), "Another failure");
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, _log.Count(DiskFullLine));
        Assert.All(_log.Entries.Where(DiskFullLine), e => Assert.Null(e.Exception));
        Assert.Equal(0, _log.Count(e => e.Message.Contains("could not report", StringComparison.Ordinal) || e.Message.Contains("heartbeat", StringComparison.Ordinal) || e.Message.Contains("Lease check", StringComparison.Ordinal)));
        Assert.Equal(5, _log.Count(e => e.Message == "Another failure" && e.Exception is InvalidOperationException));

        _clock.Advance(TimeSpan.FromSeconds(15));
        worker.LogWarning("Worker {WorkerId}: heartbeat failed ({Message})", "w-1", full.Message);

        Assert.Equal(2, _log.Count(DiskFullLine));
    }

    [Fact]
    public void Disk_full_is_recognised_in_every_shape_it_arrives_in()
    {
        Assert.True(DiskFull.Is(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)));
        Assert.True(DiskFull.Is(new InvalidOperationException("wrapped", new IOException("No space left on device : '/data/x'", 28))));
        // A copy made across a grain call keeps the message, not the error code.
        Assert.True(DiskFull.Is(new Exception("SQLite Error 13: 'database or disk is full'.")));
        Assert.False(DiskFull.Is(new SqliteException("SQLite Error 5: 'database is locked'.", 5)));
        Assert.False(DiskFull.Is(new IOException("Permission denied", 13)));
        Assert.False(DiskFull.Is(null));
    }

    private static bool DiskFullLine(LogEntry entry) => entry.Level == LogLevel.Error && entry.Message.StartsWith("The data folder's disk is full", StringComparison.Ordinal);

    private static NewSweep ASweep(string name) =>
        new(name, $"name: {name}\nmethod: tpe\nmetric: {{name: val_mse, goal: minimize}}\n# {new string('x', 20_000)}\n", SweepDefinitionFormat.Yaml, "val_mse", MetricGoal.Minimize, Seed: 42);

    /// <summary>While <see cref="Full"/>, every new connection may not grow the database past its current pages.</summary>
    private sealed class FullDisk : DbConnectionInterceptor
    {
        public volatile bool Full;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            // SQLite raises a cap below the current size to the current size: no room for one more page.
            command.CommandText = Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Full ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";
            command.ExecuteNonQuery();
        }
    }

    private sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        private readonly List<LogEntry> _entries = [];

        public IReadOnlyList<LogEntry> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public int Count(Func<LogEntry, bool> match) => Entries.Count(match);

        public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Collector(CollectingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._entries)
                {
                    owner._entries.Add(new LogEntry(logLevel, category, formatter(state, exception), exception));
                }
            }
        }
    }
}
