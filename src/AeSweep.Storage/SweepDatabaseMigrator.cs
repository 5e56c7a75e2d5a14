using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>
/// The one explicit place where the schema is created or upgraded. Hosts call <see cref="MigrateAsync"/> on start
/// (embedded mode) or from an operator command (cluster mode); nothing migrates silently behind it.
/// </summary>
public sealed class SweepDatabaseMigrator
{
    /// <summary>EF Core's migration history table (set in <see cref="SweepDbContextFactory"/>).</summary>
    internal const string HistoryTable = "__ef_migrations_history";

    private readonly IDbContextFactory<SweepDbContext> _contexts;
    private readonly ILogger<SweepDatabaseMigrator> _logger;

    public SweepDatabaseMigrator(IDbContextFactory<SweepDbContext> contexts, ILogger<SweepDatabaseMigrator> logger)
    {
        _contexts = contexts;
        _logger = logger;
    }

    /// <summary>
    /// Applies every pending migration of the provider's migration set; returns the ones applied. An existing SQLite
    /// file that is not a usable AeSweep database throws <see cref="UnusableDatabaseException"/> before anything is written.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            EnsureSqliteDirectory(db.Database.GetConnectionString());
            if (SqliteFile(db.Database.GetConnectionString()) is { } file)
            {
                SqliteFileCheck.EnsureUsable(file, HistoryTable);
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            _logger.LogInformation("Applied {MigrationCount} migration(s) to the {Provider} sweep database: {Migrations}",
                pending.Count, db.Database.ProviderName, string.Join(", ", pending));
        }
        else
        {
            _logger.LogInformation("The {Provider} sweep database is up to date", db.Database.ProviderName);
        }

        return pending;
    }

    private static string? SqliteFile(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    private static void EnsureSqliteDirectory(string? connectionString)
    {
        if (SqliteFile(connectionString) is not { } file)
        {
            return;
        }

        var directory = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
