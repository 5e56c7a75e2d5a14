using AeSweep.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AeSweep.Storage.Configurations;

internal sealed class SweepEntityConfiguration : IEntityTypeConfiguration<SweepEntity>
{
    public void Configure(EntityTypeBuilder<SweepEntity> builder)
    {
        builder.ToTable("sweeps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(StorageLimits.IdLength);
        builder.Property(s => s.Name).HasMaxLength(StorageLimits.NameLength);
        builder.Property(s => s.DefinitionText);
        builder.Property(s => s.DefinitionFormat).HasConversion<string>().HasMaxLength(StorageLimits.EnumLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(StorageLimits.EnumLength);
        builder.Property(s => s.MetricName).HasMaxLength(StorageLimits.NameLength);
        builder.Property(s => s.MetricGoal).HasConversion<string>().HasMaxLength(StorageLimits.EnumLength);
        builder.Property(s => s.Reason).HasMaxLength(StorageLimits.ReasonLength);
        builder.Property(s => s.Notes).HasMaxLength(StorageLimits.NotesLength);
        builder.Property(s => s.Version).IsConcurrencyToken();

        // Restart recovery lists unfinished sweeps; the sweep list is newest first.
        builder.HasIndex(s => s.State);
        builder.HasIndex(s => s.CreatedAt);

        builder.HasMany(s => s.Trials).WithOne(t => t.Sweep).HasForeignKey(t => t.SweepId).OnDelete(DeleteBehavior.Cascade);
    }
}
