namespace AeSweep.Core.Definitions;

/// <summary>Finds the file a command name means (a path, or a name looked up on PATH) and its real path.</summary>
internal static class ExecutableResolver
{
    private const int MaxLinks = 40;

    /// <summary>
    /// The absolute path of <paramref name="command"/>: a name with a slash is a path (relative ones from
    /// <paramref name="baseDirectory"/>), a bare name is looked up on PATH; null when there is no such executable file.
    /// </summary>
    public static string? Resolve(string command, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return null;
        }

        if (command.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(command))
        {
            var path = Path.GetFullPath(command, baseDirectory);
            return IsExecutableFile(path) ? path : null;
        }

        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(Path.GetFullPath(d, baseDirectory), command)).FirstOrDefault(IsExecutableFile);
    }

    /// <summary>The path with every link resolved, in every component (realpath(3)).</summary>
    public static string RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(path);
        }

        var links = 0;
        var pending = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = "/";
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var next = Path.Combine(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return Path.GetFullPath(path);
            }

            // The link's target replaces this component; its own components are resolved in turn.
            foreach (var component in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(component);
            }

            if (target.StartsWith('/'))
            {
                resolved = "/";
            }
        }

        return resolved;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        return OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
