namespace AeSweep.Web.Artifacts;

/// <summary>
/// <c>realpath(3)</c> in managed code: every component of a path is looked at on disk, and each symbolic link among
/// them (not only the last) is replaced by its target, so the result names the file the kernel would open, with no
/// link left in it. Checking only the final component lets a linked trial or sub-folder lead anywhere.
/// </summary>
public static class RealPath
{
    // As Linux's MAXSYMLINKS: a chain this long is a loop.
    private const int MaxLinks = 40;

    /// <summary>The link-free full path of an existing <paramref name="path"/>, or null when it is missing, loops or cannot be read.</summary>
    public static string? Of(string path)
    {
        try
        {
            // Not Path.GetFullPath: it would fold "link/.." by text, where the file system goes to the link target's parent.
            return Resolve(Path.IsPathRooted(path) ? path : Path.Join(Environment.CurrentDirectory, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? Resolve(string fullPath)
    {
        var resolved = Path.GetPathRoot(fullPath)!;
        var pending = new Stack<string>(Components(fullPath[resolved.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var component))
        {
            if (component is "." or "")
            {
                continue;
            }

            if (component is "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var next = Path.Join(resolved, component);
            // LinkTarget reads the link itself (lstat/readlink); it is null for anything that is not a link.
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                if (!Path.Exists(next))
                {
                    return null;
                }

                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The target's own components are resolved the same way, relative to the link's folder unless absolute.
            var targetRoot = Path.GetPathRoot(target);
            if (!string.IsNullOrEmpty(targetRoot))
            {
                resolved = targetRoot;
                target = target[targetRoot.Length..];
            }

            foreach (var part in Components(target).Reverse())
            {
                pending.Push(part);
            }
        }

        return resolved;
    }

    private static IEnumerable<string> Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
