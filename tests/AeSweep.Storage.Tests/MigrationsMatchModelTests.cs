using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AeSweep.Storage.Tests;

/// <summary>The checked-in migrations of each provider describe the current model (no change waits for a migration).</summary>
public sealed class MigrationsMatchModelTests
{
    // Neither check opens a connection, so these run without a PostgreSQL server.
    private const string SqliteConnection = "Data Source=never-opened.db";
    private const string PostgresConnection = "Host=127.0.0.1;Port=1;Username=nobody;Database=never_opened";

    [Theory]
    [InlineData(StorageProvider.Sqlite, SqliteConnection)]
    [InlineData(StorageProvider.Postgres, PostgresConnection)]
    public void The_checked_in_migrations_match_the_model(StorageProvider provider, string connectionString)
    {
        using var db = new SweepDbContextFactory(provider, connectionString).CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes without a migration: run `dotnet ef migrations add <Name> --context {db.GetType().Name} --output-dir Migrations/{provider}` in src/AeSweep.Storage.");
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, SqliteConnection, "AeSweep.Storage.Migrations.Sqlite")]
    [InlineData(StorageProvider.Postgres, PostgresConnection, "AeSweep.Storage.Migrations.Postgres")]
    public void Each_provider_uses_only_its_own_migrations(StorageProvider provider, string connectionString, string migrationNamespace)
    {
        using var db = new SweepDbContextFactory(provider, connectionString).CreateDbContext();
        var migrations = db.GetService<IMigrationsAssembly>().Migrations;

        Assert.NotEmpty(migrations);
        Assert.All(migrations.Values, type => Assert.Equal(migrationNamespace, type.Namespace));
        Assert.Contains(migrations.Keys, id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }
}
