namespace AeSweep.Web.Artifacts;

/// <summary>
/// An artifact opened for a response: a file's own bytes, or a folder (a checkpoint) zipped into a temporary file
/// (<see cref="IsFolder"/>). <see cref="FileName"/> is the name on disk (a folder's without .zip). The response
/// disposes <see cref="Content"/>.
/// </summary>
public sealed record ArtifactContent(Stream Content, bool IsFolder, string FileName, DateTimeOffset LastModified);
