using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AeSweep.Storage.DesignTime;

/// <summary>
/// Lets <c>dotnet ef migrations add ... --context PostgresSweepDbContext</c> build the model without a host; adding a
/// migration never connects, so the connection string is a placeholder (override with AESWEEP_POSTGRES for other commands).
/// </summary>
public sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgresSweepDbContext>
{
    public PostgresSweepDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("AESWEEP_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=aesweep";
        return new(SweepDbContextFactory.ConfigurePostgres(new DbContextOptionsBuilder<PostgresSweepDbContext>(), connectionString).Options);
    }
}
