using System.Text.RegularExpressions;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Checks a file a program announced as an artifact (<c>{"aesweep_artifact": NAME, "path": FILE}</c>): the name is short
/// and plain, and the file is a regular file inside the trial's artifact folder, reached without following any link, so
/// a program cannot make the server hand out a file from elsewhere (the shim writes its images and saved files there).
/// </summary>
internal static partial class ProgramArtifact
{
    // Names the worker itself gives its artifacts; a program may not replace them.
    private static readonly string[] Reserved = ["checkpoint", "learning_curve", "latent_map"];

    /// <summary>Null when the artifact is acceptable (<paramref name="full"/> is then its full path), otherwise why not.</summary>
    public static string? Resolve(string artifactDirectory, string name, string path, out string? full)
    {
        full = null;
        if (!NamePattern().IsMatch(name) || Reserved.Contains(name))
        {
            return $"'{(name.Length > 40 ? name[..40] + "…" : name)}' is not an artifact name (letters, digits, _ . -, at most 64; not {string.Join(", ", Reserved)})";
        }

        var root = Path.GetFullPath(artifactDirectory);
        string candidate;
        try
        {
            candidate = Path.GetFullPath(Path.Combine(root, path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{name}: not a valid path";
        }

        if (!candidate.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"{name}: the file must lie inside the trial's artifact folder (AESWEEP_ARTIFACT_DIR)";
        }

        // Every component below the artifact folder must be a real directory or file, never a link.
        var current = root;
        foreach (var part in Path.GetRelativePath(root, candidate).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null || (Directory.Exists(current) && new DirectoryInfo(current).LinkTarget is not null))
            {
                return $"{name}: the path goes through a link";
            }
        }

        if (!File.Exists(candidate))
        {
            return $"{name}: no such file";
        }

        full = candidate;
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();
}
