using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

/// <summary>The PostgreSQL flavour of the model; its migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresSweepDbContext : SweepDbContext
{
    public PostgresSweepDbContext(DbContextOptions<PostgresSweepDbContext> options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        TrialValueTranslations.MapPostgres(modelBuilder);
    }
}
