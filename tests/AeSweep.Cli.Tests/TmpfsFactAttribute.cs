using System.Diagnostics;

namespace AeSweep.Cli.Tests;

/// <summary>A test that mounts a small tmpfs as a data folder: skipped, saying why, where this process cannot mount (CI runs as root).</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Refusal = new(Probe);

    public TmpfsFactAttribute()
    {
        if (Refusal.Value is { } why)
        {
            Skip = $"needs a tmpfs mount for a small data folder: {why}";
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> at <paramref name="folder"/>; null, or what mount said.</summary>
    public static string? Mount(string folder, long bytes) => Tool("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", folder);

    /// <summary>Unmounts, lazily: a process that still has files open there cannot keep it busy.</summary>
    public static void Unmount(string folder) => Tool("umount", "-l", folder);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "not running as root";
        }

        var folder = Directory.CreateTempSubdirectory("aesweep-tmpfs-probe-").FullName;
        try
        {
            var refused = Mount(folder, 1024 * 1024);
            if (refused is null)
            {
                Unmount(folder);
            }

            return refused;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static string? Tool(string name, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(name, args) { RedirectStandardError = true, UseShellExecute = false })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{name} exited {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"{name}: {ex.Message}";
        }
    }
}
