namespace AeSweep.Storage.Model;

/// <summary>A file a trial produced: its name (unique per trial), path relative to the artifact root, type and size.</summary>
public sealed record ArtifactInfo(string Name, string RelativePath, string ContentType, long Bytes);
