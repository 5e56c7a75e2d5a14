using System.Diagnostics;

namespace AeSweep.Worker.Tests;

/// <summary>Looks at processes by pid through /proc.</summary>
internal static class Processes
{
    /// <summary>
    /// Whether the process is gone or a zombie: killed, awaiting its reaper. (A test machine's PID 1 may not reap
    /// orphans; a zombie runs nothing and holds nothing open.)
    /// </summary>
    public static bool IsDead(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": the state follows the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Polls until the process is dead or the deadline passes.</summary>
    public static bool BecomesDead(int pid, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (!IsDead(pid))
        {
            if (watch.Elapsed > within)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    /// <summary>The process group of a live process, from /proc.</summary>
    public static int GroupOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Kills what a failed test left behind (only processes a program trial started: never a reused pid).</summary>
    public static void Cleanup(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                if (!File.ReadAllText($"/proc/{pid}/environ").Contains("AESWEEP_TRIAL_ID=trial-1", StringComparison.Ordinal))
                {
                    continue;
                }

                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }
}
