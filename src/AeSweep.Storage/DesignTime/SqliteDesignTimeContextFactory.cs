using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AeSweep.Storage.DesignTime;

/// <summary>Lets <c>dotnet ef migrations add ... --context SqliteSweepDbContext</c> build the model without a host.</summary>
public sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteSweepDbContext>
{
    public SqliteSweepDbContext CreateDbContext(string[] args) =>
        new(SweepDbContextFactory.ConfigureSqlite(new DbContextOptionsBuilder<SqliteSweepDbContext>(), SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(Path.GetTempPath(), "aesweep-design-time.db"))).Options);
}
