using AeSweep.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AeSweep.Storage.Configurations;

internal sealed class TrialEntityConfiguration : IEntityTypeConfiguration<TrialEntity>
{
    public void Configure(EntityTypeBuilder<TrialEntity> builder)
    {
        builder.ToTable("trials");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(StorageLimits.TrialIdLength);
        builder.Property(t => t.SweepId).HasMaxLength(StorageLimits.IdLength);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(StorageLimits.EnumLength);
        builder.Property(t => t.ParametersJson);
        builder.Property(t => t.WorkerId).HasMaxLength(StorageLimits.WorkerIdLength);
        builder.Property(t => t.CheckpointPath).HasMaxLength(StorageLimits.PathLength);
        builder.Property(t => t.Reason).HasMaxLength(StorageLimits.ReasonLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.FinalistOf).HasMaxLength(StorageLimits.TrialIdLength);
        builder.Property(t => t.Notes).HasMaxLength(StorageLimits.NotesLength);
        builder.Property(t => t.Origin).HasConversion<string>().HasMaxLength(StorageLimits.EnumLength);
        builder.Property(t => t.RetryOf).HasMaxLength(StorageLimits.TrialIdLength);

        // A trial's number is unique in its sweep (and numbers are handed out as max + 1).
        builder.HasIndex(t => new { t.SweepId, t.Number }).IsUnique();
        // Counts per state, unfinished trials of a sweep, the leaderboard.
        builder.HasIndex(t => new { t.SweepId, t.State });
        // The lease sweeper: running trials whose lease has expired.
        builder.HasIndex(t => new { t.State, t.LeaseExpiresAt });
        // A lost worker's trials.
        builder.HasIndex(t => t.WorkerId);

        builder.HasMany(t => t.EpochMetrics).WithOne().HasForeignKey(m => m.TrialId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Artifacts).WithOne().HasForeignKey(a => a.TrialId).OnDelete(DeleteBehavior.Cascade);
    }
}
