namespace AeSweep.Web.Dashboard;

/// <summary>
/// Turns an artifact's stored relative path into a full path, refusing anything that would leave the artifact root:
/// absolute paths, <c>..</c> segments, and symbolic links pointing outside. The name a browser asks for is never used
/// as a path; only the path the store recorded is, and even that is checked.
/// </summary>
public static class ArtifactPathGuard
{
    /// <summary>The full path of <paramref name="relativePath"/> under <paramref name="artifactRoot"/>, or null when it escapes the root.</summary>
    public static string? Resolve(string artifactRoot, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(artifactRoot));
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!IsInside(root, full))
        {
            return null;
        }

        // A link inside the root may point anywhere; follow it and check its final target too.
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (info.Exists && info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsInside(root, Path.GetFullPath(target.FullName)))
            {
                return null;
            }
        }

        return full;
    }

    /// <summary>True when <paramref name="fullPath"/> is strictly below <paramref name="root"/> (both full paths).</summary>
    public static bool IsInside(string root, string fullPath)
    {
        var prefix = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullPath.StartsWith(prefix, comparison) && fullPath.Length > prefix.Length;
    }
}
