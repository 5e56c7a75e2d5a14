using AeSweep.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AeSweep.Storage.Configurations;

internal sealed class WorkerEntityConfiguration : IEntityTypeConfiguration<WorkerEntity>
{
    public void Configure(EntityTypeBuilder<WorkerEntity> builder)
    {
        builder.ToTable("workers");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).HasMaxLength(StorageLimits.WorkerIdLength);
        builder.Property(w => w.Host).HasMaxLength(StorageLimits.NameLength);
        builder.Property(w => w.DevicesJson);
        builder.Property(w => w.State).HasConversion<string>().HasMaxLength(StorageLimits.EnumLength);
        builder.HasIndex(w => new { w.State, w.LastHeartbeatAt });
    }
}
