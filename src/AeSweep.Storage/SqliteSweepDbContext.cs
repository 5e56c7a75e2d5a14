using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

/// <summary>The SQLite flavour of the model; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteSweepDbContext : SweepDbContext
{
    public SqliteSweepDbContext(DbContextOptions<SqliteSweepDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values (EF stores them as text); the lease sweeper
        // compares expiry times and lists sort by time, so timestamps are stored as UTC Unix milliseconds.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        TrialValueTranslations.MapSqlite(modelBuilder);
    }
}
