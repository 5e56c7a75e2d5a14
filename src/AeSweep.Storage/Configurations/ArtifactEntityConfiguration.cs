using AeSweep.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AeSweep.Storage.Configurations;

internal sealed class ArtifactEntityConfiguration : IEntityTypeConfiguration<ArtifactEntity>
{
    public void Configure(EntityTypeBuilder<ArtifactEntity> builder)
    {
        builder.ToTable("artifacts");
        // GET /api/trials/{id}/artifacts/{name} looks artifacts up by this key.
        builder.HasKey(a => new { a.TrialId, a.Name });
        builder.Property(a => a.TrialId).HasMaxLength(StorageLimits.TrialIdLength);
        builder.Property(a => a.Name).HasMaxLength(StorageLimits.NameLength);
        builder.Property(a => a.RelativePath).HasMaxLength(StorageLimits.PathLength);
        builder.Property(a => a.ContentType).HasMaxLength(StorageLimits.NameLength);
    }
}
