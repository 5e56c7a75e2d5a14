namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// A file a trial wrote, as its worker describes it: the worker reads the size from its own disk, so the coordinator
/// never touches the file system (the silo may not even see the worker's disk).
/// </summary>
/// <param name="Name">The artifact's name, unique within the trial (e.g. <c>gallery</c>, <c>checkpoint</c>).</param>
/// <param name="RelativePath">The path relative to the worker's artifact root (absolute when the file lies outside it).</param>
/// <param name="ContentType">The media type (<see cref="ContentTypes.For"/>).</param>
/// <param name="Bytes">The size in bytes (0 for a folder such as a checkpoint).</param>
[GenerateSerializer, Immutable, Alias("aesweep.reported-artifact")]
public sealed record ReportedArtifact(
    [property: Id(0)] string Name,
    [property: Id(1)] string RelativePath,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Bytes)
{
    /// <summary>Describes the file at <paramref name="path"/> relative to <paramref name="artifactRoot"/>, reading its size.</summary>
    public static ReportedArtifact Describe(string name, string path, string artifactRoot)
    {
        var root = Path.GetFullPath(artifactRoot);
        var full = Path.GetFullPath(path);
        var relative = full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? Path.GetRelativePath(root, full) : full;
        var bytes = File.Exists(full) ? new FileInfo(full).Length : 0;
        return new ReportedArtifact(name, relative, ContentTypes.For(full), bytes);
    }
}
