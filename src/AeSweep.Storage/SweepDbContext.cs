using AeSweep.Storage.Configurations;
using AeSweep.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

/// <summary>
/// The model shared by both providers. Each provider has its own small subclass
/// (<see cref="SqliteSweepDbContext"/>, <see cref="PostgresSweepDbContext"/>) so that each keeps its own migrations.
/// </summary>
public abstract class SweepDbContext : DbContext
{
    protected SweepDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SweepEntity> Sweeps => Set<SweepEntity>();
    public DbSet<TrialEntity> Trials => Set<TrialEntity>();
    public DbSet<TrialEpochMetricEntity> EpochMetrics => Set<TrialEpochMetricEntity>();
    public DbSet<ArtifactEntity> Artifacts => Set<ArtifactEntity>();
    public DbSet<WorkerEntity> Workers => Set<WorkerEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new SweepEntityConfiguration());
        modelBuilder.ApplyConfiguration(new TrialEntityConfiguration());
        modelBuilder.ApplyConfiguration(new TrialEpochMetricEntityConfiguration());
        modelBuilder.ApplyConfiguration(new ArtifactEntityConfiguration());
        modelBuilder.ApplyConfiguration(new WorkerEntityConfiguration());
    }
}
