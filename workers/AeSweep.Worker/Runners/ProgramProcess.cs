using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AeSweep.Worker.Runners;

/// <summary>
/// A trial's program in a session — so a process group — of its own, started through util-linux's <c>setsid</c>
/// (.NET cannot call setsid between fork and exec). Every process the program starts inherits
/// <see cref="MarkerVariable"/> with this run's id, so <see cref="KillAll"/> also finds those that left the group
/// (<c>setsid cmd &amp;</c>). The one code path that starts and stops trainers.
/// </summary>
internal sealed partial class ProgramProcess : IDisposable
{
    /// <summary>Marks every process of one program run (an id of the run, not of the trial: a retry is another run).</summary>
    public const string MarkerVariable = "AESWEEP_TRIAL_RUN";

    private const int SigKill = 9;

    private readonly Process _process;
    private readonly byte[] _marker;
    private bool _clearedAfterExit;

    private ProgramProcess(Process process, string marker)
    {
        _process = process;
        _marker = Encoding.UTF8.GetBytes($"{MarkerVariable}={marker}\0");
        Exited = process.WaitForExitAsync();
    }

    /// <summary>util-linux's <c>setsid</c>, or null where it is missing (then only the process tree is killed).</summary>
    public static string? Setsid { get; } = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>The program's process id; with <see cref="Setsid"/> also its session's and group's id.</summary>
    public int Id => _process.Id;

    public Stream Output => _process.StandardOutput.BaseStream;

    public Stream Errors => _process.StandardError.BaseStream;

    /// <summary>Completes when the program's main process has exited (its children may live on).</summary>
    public Task Exited { get; }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the program with stdout and stderr redirected.</summary>
    /// <exception cref="Win32Exception">It could not be started.</exception>
    public static ProgramProcess Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var marker = Guid.NewGuid().ToString("N");
        start.Environment[MarkerVariable] = marker;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        if (Setsid is not null)
        {
            // A child of .NET is no group leader, so setsid execs the command in place (same pid) in a new session.
            start.ArgumentList.Insert(0, start.FileName);
            start.ArgumentList.Insert(0, "--");
            start.FileName = Setsid;
        }

        var process = new Process { StartInfo = start };
        process.Start();
        // The program reads nothing from us: stdin at end of file, never the worker's terminal.
        process.StandardInput.Close();
        return new ProgramProcess(process, marker);
    }

    /// <summary>Kills the program's whole group and every process marked as this run's, wherever it went.</summary>
    public void KillAll()
    {
        // Once everything was killed after the main process ended, nothing of this run is left to start more.
        var exited = _process.HasExited;
        if (exited && _clearedAfterExit)
        {
            return;
        }

        if (Setsid is not null)
        {
            // ESRCH: the group is gone, or setsid has not run yet (the tree kill below covers that). The group's id
            // cannot name another group while a member of ours lives; after the last one, only pid reuse within
            // the moment since the main process was reaped could, which is why this runs once after the exit.
            _ = Kill(-_process.Id, SigKill);
        }

        try
        {
            // Before setsid has run (a trial stopped at once), or without setsid: the tree as .NET sees it.
            if (!exited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }

        KillMarked();
        _clearedAfterExit = exited;
    }

    /// <summary>Waits (bounded) for the main process to be reaped after <see cref="KillAll"/>.</summary>
    public void WaitForExit(TimeSpan patience) => _process.WaitForExit(patience);

    public void Dispose() => _process.Dispose();

    private void KillMarked()
    {
        var killed = new HashSet<int>();
        // A marked process may fork while we look: look again until a round finds nothing new.
        for (var round = 0; round < 8; round++)
        {
            var fresh = 0;
            foreach (var pid in MarkedProcesses())
            {
                // Again for one seen before: it may still be dying.
                _ = Kill(pid, SigKill);
                fresh += killed.Add(pid) ? 1 : 0;
            }

            if (fresh == 0)
            {
                return;
            }
        }
    }

    private IEnumerable<int> MarkedProcesses()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            byte[] environment;
            try
            {
                environment = File.ReadAllBytes(Path.Combine(directory, "environ"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (environment.AsSpan().IndexOf(_marker) >= 0)
            {
                yield return pid;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
