using System.IO.Compression;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Api;

/// <summary>
/// Where a stored artifact lies on disk. The request's name only selects a row in the store; the row's path is then
/// resolved against the artifact root and refused unless it stays inside it (no <c>..</c>, no absolute path
/// elsewhere, no link pointing out), so the API never serves a file outside the artifact store.
/// </summary>
public static class ArtifactFiles
{
    /// <summary>The artifact's full path inside <paramref name="artifactRoot"/>, or null when it is outside or missing.</summary>
    public static string? Resolve(string artifactRoot, ArtifactInfo artifact)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(artifactRoot)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.IsPathRooted(artifact.RelativePath) ? artifact.RelativePath : Path.Combine(root, artifact.RelativePath));
        if (!Inside(root, full) || !(File.Exists(full) || Directory.Exists(full)))
        {
            return null;
        }

        // A link inside the root may still point out of it.
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        return info.LinkTarget is null || (info.ResolveLinkTarget(returnFinalTarget: true) is { } target && Inside(root, target.FullName)) ? full : null;
    }

    /// <summary>A directory artifact (a checkpoint) as a zip in a temporary file deleted when the stream closes; links are skipped.</summary>
    public static FileStream ZipDirectory(string directory)
    {
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            foreach (var file in Directory.EnumerateFiles(directory, "*", options).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/'), CompressionLevel.Fastest);
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static bool Inside(string root, string path) =>
        Path.GetFullPath(path).StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
