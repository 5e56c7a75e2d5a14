namespace AeSweep.Storage.Entities;

/// <summary>Metadata of a file a trial produced; the bytes live in the artifact store under <see cref="RelativePath"/>.</summary>
public sealed class ArtifactEntity
{
    public required string TrialId { get; set; }
    public required string Name { get; set; }
    public required string RelativePath { get; set; }
    public required string ContentType { get; set; }
    public long Bytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
