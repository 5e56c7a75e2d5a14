using AeSweep.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AeSweep.Storage.Configurations;

internal sealed class TrialEpochMetricEntityConfiguration : IEntityTypeConfiguration<TrialEpochMetricEntity>
{
    public void Configure(EntityTypeBuilder<TrialEpochMetricEntity> builder)
    {
        builder.ToTable("trial_epoch_metrics");
        // The key makes epoch reports idempotent: a resumed trial re-reporting an epoch replaces, never duplicates.
        builder.HasKey(m => new { m.TrialId, m.Epoch });
        builder.Property(m => m.TrialId).HasMaxLength(StorageLimits.TrialIdLength);
        builder.Property(m => m.MetricsJson);
    }
}
