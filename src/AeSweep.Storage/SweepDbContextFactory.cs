using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>
/// Creates short-lived (pooled) contexts for one provider and connection string. The store opens one context per
/// operation, so it is safe to share between grains and requests. Executed SQL is logged at Debug, not Information:
/// heartbeats and epoch reports would otherwise flood a host's console.
/// </summary>
public sealed class SweepDbContextFactory : IDbContextFactory<SweepDbContext>
{
    private readonly Func<SweepDbContext> _create;

    /// <param name="provider">SQLite or PostgreSQL.</param>
    /// <param name="connectionString">The provider's connection string.</param>
    /// <param name="loggerFactory">Where EF Core logs; disk-full failures are paced by <paramref name="diskFull"/> when given.</param>
    /// <param name="diskFull">Told about disk-full failures and successful writes (the host's readiness check reads it).</param>
    /// <param name="interceptors">More EF Core interceptors, e.g. a test's fault injection.</param>
    public SweepDbContextFactory(StorageProvider provider, string connectionString, ILoggerFactory? loggerFactory = null, DiskFullMonitor? diskFull = null, IReadOnlyList<IInterceptor>? interceptors = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        if (diskFull is not null && loggerFactory is not null)
        {
            loggerFactory = DiskFullLogThrottle.Wrap(loggerFactory, diskFull);
        }

        var commandLogger = loggerFactory?.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command");
        IInterceptor[] extra = [.. interceptors ?? [], .. diskFull is null ? Array.Empty<IInterceptor>() : [new DiskFullInterceptor(diskFull, commandLogger)]];
        switch (provider)
        {
            case StorageProvider.Sqlite:
                var sqlite = ConfigureSqlite(new DbContextOptionsBuilder<SqliteSweepDbContext>(), connectionString).AddInterceptors(extra);
                LogFailedCommandsThrough(sqlite, diskFull);
                if (loggerFactory is not null)
                {
                    sqlite.UseLoggerFactory(loggerFactory);
                }

                _create = new PooledDbContextFactory<SqliteSweepDbContext>(sqlite.Options).CreateDbContext;
                break;
            case StorageProvider.Postgres:
                var postgres = ConfigurePostgres(new DbContextOptionsBuilder<PostgresSweepDbContext>(), connectionString).AddInterceptors(extra);
                LogFailedCommandsThrough(postgres, diskFull);
                if (loggerFactory is not null)
                {
                    postgres.UseLoggerFactory(loggerFactory);
                }

                _create = new PooledDbContextFactory<PostgresSweepDbContext>(postgres.Options).CreateDbContext;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown storage provider");
        }
    }

    /// <summary>The provider this factory's contexts talk to.</summary>
    public StorageProvider Provider { get; }

    /// <inheritdoc />
    public SweepDbContext CreateDbContext() => _create();

    /// <summary>A SQLite connection string for a database file (the directory is created by the migrator).</summary>
    public static string SqliteConnectionStringFor(string databasePath) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = SqlitePragmas.BusyTimeoutMilliseconds / 1000 * 3,
        }.ToString();

    internal static DbContextOptionsBuilder<SqliteSweepDbContext> ConfigureSqlite(DbContextOptionsBuilder<SqliteSweepDbContext> builder, string connectionString)
    {
        builder
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(SweepDatabaseMigrator.HistoryTable))
            .AddInterceptors(new SqlitePragmas());
        QuietCommands(builder);
        return builder;
    }

    internal static DbContextOptionsBuilder<PostgresSweepDbContext> ConfigurePostgres(DbContextOptionsBuilder<PostgresSweepDbContext> builder, string connectionString)
    {
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));
        QuietCommands(builder);
        return builder;
    }

    /// <summary>With a monitor, <see cref="DiskFullInterceptor"/> logs failed commands (EF logs them before it can tell a full disk).</summary>
    private static void LogFailedCommandsThrough(DbContextOptionsBuilder builder, DiskFullMonitor? diskFull)
    {
        if (diskFull is not null)
        {
            builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug)));
        }
    }

    private static void QuietCommands(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, LogLevel.Debug)));
}
