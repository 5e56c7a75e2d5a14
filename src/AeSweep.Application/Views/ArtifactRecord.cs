namespace AeSweep.Application.Views;

/// <summary>A file a trial produced, as a view lists it: name, content type and size (its address is the host's to make).</summary>
public sealed record ArtifactRecord(string Name, string ContentType, long Bytes);
