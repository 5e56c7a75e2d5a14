using System.Diagnostics;
using System.Text;

namespace AeSweep.Cli.Tests;

/// <summary>
/// One process per data folder, with real processes: while <c>aesweep serve</c> holds a folder, a second
/// <c>serve</c>, <c>run</c> or <c>resume</c> on it exits 1 with one line naming the folder and the holder's pid;
/// once the holder is killed with SIGKILL, the folder can be taken again.
/// </summary>
public sealed class DataFolderLockTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-lock-").FullName;
    private readonly List<Process> _started = [];

    [Fact]
    public void A_second_process_on_a_held_data_folder_exits_naming_the_folder_and_the_holders_pid_until_the_holder_is_killed()
    {
        var holder = StartServe(out var holderLog);
        WaitFor(() => holderLog.ToString().Contains("AeSweep dashboard (data:", StringComparison.Ordinal), holder, holderLog);
        var sweepFile = Path.Combine(ValidateCommandTests.FindRoot(), "examples", "program-sweep.yaml");

        foreach (var args in new[]
        {
            new[] { "serve", "--urls", "http://127.0.0.1:0", "--data", _data, "--slots", "0" },
            ["run", sweepFile, "--data", _data, "--slots", "0"],
            ["resume", "--data", _data, "--slots", "0"],
        })
        {
            var (code, stdout, stderr) = ValidateCommandTests.Run(args);

            Assert.Equal(1, code);
            Assert.Empty(stdout);
            Assert.Equal($"aesweep: {_data} is in use by another aesweep process (pid {holder.Id}); stop it first, or give this one another --data folder", stderr.Trim());
        }

        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();
        Assert.Equal($"{holder.Id}", File.ReadAllText(Path.Combine(_data, "aesweep.lock")).Trim());

        // The lock died with its holder (the stale pid in the file does not matter): resume takes the folder.
        var (resumed, _, resumeErrors) = ValidateCommandTests.Run("resume", "--data", _data, "--slots", "0");
        Assert.True(resumed == 0, resumeErrors);
        Assert.Contains("nothing to resume", resumeErrors, StringComparison.Ordinal);
        var next = StartServe(out var nextLog);
        WaitFor(() => File.ReadAllText(Path.Combine(_data, "aesweep.lock")).Trim() == $"{next.Id}", next, nextLog);
        next.Kill(entireProcessTree: true);
        next.WaitForExit();
    }

    /// <summary>A failed assertion must not leave a serve running: every process this test started is ended here.</summary>
    public void Dispose()
    {
        foreach (var process in _started)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        Directory.Delete(_data, recursive: true);
    }

    private Process StartServe(out StringBuilder log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ValidateCommandTests.CliAssembly, "serve", "--urls", "http://127.0.0.1:0", "--data", _data, "--slots", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        var lines = new StringBuilder();
        var process = Process.Start(start)!;
        _started.Add(process);
        process.OutputDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (lines) { lines.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = lines;
        return process;
    }

    private static void WaitFor(Func<bool> condition, Process process, StringBuilder log)
    {
        var deadline = Stopwatch.StartNew();
        while (!Safely(condition))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                lock (log)
                {
                    Assert.Fail($"aesweep serve never got there (exited: {process.HasExited}):\n{log}");
                }
            }

            Thread.Sleep(100);
        }
    }

    private static bool Safely(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (IOException)
        {
            return false;
        }
    }
}
