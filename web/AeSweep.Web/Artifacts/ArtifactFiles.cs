using System.IO.Compression;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Artifacts;

/// <summary>
/// The one code path that reads artifacts for a response (the API's downloads and the dashboard's images, CSVs and
/// checkpoint zips). A request's name only selects a row in the store; the row's path is resolved component by
/// component (<see cref="RealPath"/>) and refused unless the real file lies inside the real artifact root, and every
/// file is checked again once open, so a trainer that plants links (a linked trial folder, sub-folder or file, or a link
/// inside its checkpoint) never gets a file from outside served. Zips never follow or include links, at any depth.
/// </summary>
public sealed class ArtifactFiles(string artifactRoot)
{
    /// <summary>The folder every served artifact must lie in (links in the root's own path are the operator's and allowed).</summary>
    public string ArtifactRoot { get; } = Path.GetFullPath(artifactRoot);

    /// <summary>The artifact's bytes (a folder as a zip), or null when it is missing or leads outside the artifact root.</summary>
    public ArtifactContent? Open(ArtifactInfo artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (RealPath.Of(ArtifactRoot) is not { } root || Resolve(root, artifact.RelativePath) is not { } path)
        {
            return null;
        }

        if (Directory.Exists(path))
        {
            return new ArtifactContent(Zip(root, path), IsFolder: true, Path.GetFileName(path), Directory.GetLastWriteTimeUtc(path));
        }

        var file = new FileInfo(path);
        return OpenInside(root, file) is { } stream ? new ArtifactContent(stream, IsFolder: false, file.Name, file.LastWriteTimeUtc) : null;
    }

    /// <summary>The real, link-free path of a stored artifact path when it lies strictly inside <paramref name="root"/> (a real path).</summary>
    public static string? Resolve(string root, string storedPath)
    {
        if (string.IsNullOrWhiteSpace(storedPath) || storedPath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        // Stored paths are relative to the root; a worker with another root records an absolute one, served only if inside.
        var real = RealPath.Of(Path.Combine(root, storedPath));
        return real is not null && IsInside(root, real) ? real : null;
    }

    /// <summary>True when <paramref name="fullPath"/> is strictly below <paramref name="root"/> (both full paths).</summary>
    public static bool IsInside(string root, string fullPath)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullPath.StartsWith(prefix, comparison) && fullPath.Length > prefix.Length;
    }

    /// <summary>A folder as a zip in a temporary file deleted when the stream closes: regular files only, links skipped at every depth.</summary>
    private static FileStream Zip(string root, string folder)
    {
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddFolder(zip, root, folder, prefix: string.Empty);
        }

        stream.Position = 0;
        return stream;
    }

    private static void AddFolder(ZipArchive zip, string root, string folder, string prefix)
    {
        // Hidden files are part of a checkpoint too; links are skipped here and never recursed into.
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            var name = prefix + entry.Name;
            if (entry is DirectoryInfo directory)
            {
                AddFolder(zip, root, directory.FullName, name + "/");
                continue;
            }

            using var content = OpenInside(root, (FileInfo)entry);
            if (content is null)
            {
                continue;
            }

            var zipped = zip.CreateEntry(name, CompressionLevel.Fastest);
            zipped.LastWriteTime = entry.LastWriteTime;
            using var target = zipped.Open();
            content.CopyTo(target);
        }
    }

    /// <summary>
    /// Opens a file for reading and checks where the open handle really points (the folder could have been swapped
    /// for a link after it was resolved); null when that is outside the root.
    /// </summary>
    private static Stream? OpenInside(string root, FileInfo file)
    {
        if (!file.Exists)
        {
            return null;
        }

        // Pipes, sockets and devices report no length and would block or never end: nothing to read is read as such.
        if (file.Length == 0)
        {
            return new MemoryStream([], writable: false);
        }

        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920);
        if (OpenedPath(stream) is { } opened && IsInside(root, opened))
        {
            return stream;
        }

        stream.Dispose();
        return null;
    }

    /// <summary>The real path of the file behind an open handle (Linux's /proc/self/fd), else the path re-resolved.</summary>
    private static string? OpenedPath(FileStream stream)
    {
        if (OperatingSystem.IsLinux())
        {
            var descriptor = new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}");
            if (descriptor.Exists && descriptor.LinkTarget is { } target)
            {
                return target;
            }
        }

        return RealPath.Of(stream.Name);
    }
}
