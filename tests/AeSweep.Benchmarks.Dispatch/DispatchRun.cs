using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AeSweep.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AeSweep.Benchmarks.Dispatch;

/// <summary>
/// One measurement: a coordinator and <c>workers</c> no-op worker processes (one slot each) of the built CLI on
/// loopback run a random-search program sweep of <see cref="BenchmarkOptions.Trials"/> trials to its end; the trials'
/// timestamps are then read back from the store.
/// </summary>
internal sealed class DispatchRun(BenchmarkOptions options, StoreMode mode, int workers)
{
    private readonly List<Process> _processes = [];
    private readonly Dictionary<Process, string> _logs = [];
    private readonly List<Process> _workers = [];
    private Process? _clusterCoordinator;

    /// <summary>CPU seconds (user + system) of the coordinator process(es) and of all workers together, once the run is over.</summary>
    public (double Coordinator, double Workers) CpuSeconds { get; private set; }
    private readonly string _folder = Directory.CreateTempSubdirectory($"aesweep-dispatch-{mode.ToString().ToLowerInvariant()}-{workers}w-").FullName;

    public async Task<DispatchResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var sweepFile = Path.Combine(_folder, "sweep.yaml");
        // A program sweep needs no dataset; the no-op runner never starts the program.
        await File.WriteAllTextAsync(sweepFile, $"""
            name: dispatch-bench-{workers}w
            program: [/bin/true]
            method: random
            metric: {"{"}name: loss, goal: minimize{"}"}
            parameters:
              x: {"{"}min: -5.0, max: 5.0{"}"}
            budget: {"{"}max_trials: {options.Trials}, max_parallel: {options.ParallelFor(workers)}{"}"}
            seed: 1
            """, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            IReadOnlyList<TrialTiming> trials = mode == StoreMode.Sqlite
                ? await RunEmbeddedAsync(sweepFile, timeout.Token)
                : await RunClusterAsync(sweepFile, timeout.Token);
            return DispatchStatistics.Compute(trials);
        }
        finally
        {
            foreach (var process in _processes)
            {
                Stop(process);
            }

            if (options.Keep)
            {
                Console.Error.WriteLine($"kept {_folder}");
            }
            else
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    private async Task<IReadOnlyList<TrialTiming>> RunEmbeddedAsync(string sweepFile, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var coordinator = Start("coordinator", true, "run", sweepFile, "--slots", "0", "--gateway-port", Text(port), "--data", _folder, "--json");
        await using var subscriber = new EventSubscriber();
        if (options.Subscriber)
        {
            await subscriber.StartAsync(port, cancellationToken);
        }

        StartWorkers("--gateway", $"127.0.0.1:{port}");
        await WaitForExitAsync(coordinator, "aesweep run", cancellationToken);
        if (options.Subscriber)
        {
            Console.Error.WriteLine($"subscriber heard {subscriber.Events} sweep event(s)");
        }

        CpuSeconds = (ShellCpuSeconds("coordinator"), _workers.Sum(ProcCpuSeconds));
        var connection = SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_folder, "aesweep.db"));
        var trials = await ReadTrialsAsync(new SweepDbContextFactory(StorageProvider.Sqlite, connection), cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return trials;
    }

    private async Task<IReadOnlyList<TrialTiming>> RunClusterAsync(string sweepFile, CancellationToken cancellationToken)
    {
        await RecreateDatabaseAsync(options.PostgresConnection, cancellationToken);
        var clusterId = $"dispatch-bench-{workers}w-{Environment.ProcessId}";
        // The sweep's program (/bin/true, never started by the no-op runner) must pass each process's program policy.
        var cluster = new[] { "--postgres", options.PostgresConnection, "--cluster-id", clusterId, "--allow-program", "/bin/true" };
        _clusterCoordinator = Start("coordinator", false, ["coordinator", .. cluster, "--silo-port", Text(FreePort()), "--gateway-port", Text(FreePort()), "--data", _folder]);
        StartWorkers(cluster);
        // Unlike `aesweep run`, the sweep can wait until every worker has registered.
        var store = new SweepDbContextFactory(StorageProvider.Postgres, options.PostgresConnection);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var db = store.CreateDbContext();
                if (await db.Workers.CountAsync(w => w.State == WorkerState.Online, cancellationToken) >= workers)
                {
                    break;
                }
            }
            catch (PostgresException)
            {
                // The coordinator has not created the tables yet.
            }

            if (_processes.FirstOrDefault(p => p.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"a process exited early (code {dead.ExitCode}); see the logs in {_folder} (--keep)");
            }

            await Task.Delay(200, cancellationToken);
        }

        var submit = Start("submit", true, ["submit", sweepFile, .. cluster, "--wait", "--json", "--data", _folder]);
        await WaitForExitAsync(submit, "aesweep submit --wait", cancellationToken);
        CpuSeconds = (ProcCpuSeconds(_clusterCoordinator!), _workers.Sum(ProcCpuSeconds));
        return await ReadTrialsAsync(store, cancellationToken);
    }

    private void StartWorkers(params string[] join)
    {
        for (var i = 1; i <= workers; i++)
        {
            _workers.Add(Start($"worker-{i}", false, ["worker", .. join, "--slots", "1", "--threads", "1", "--runner", "noop", "--id", $"bench-w{i}", "--data", _folder]));
        }
    }

    private static async Task<IReadOnlyList<TrialTiming>> ReadTrialsAsync(SweepDbContextFactory contexts, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.Trials.AsNoTracking()
            .Select(t => new { t.Number, t.WorkerId, t.State, t.CreatedAt, t.StartedAt, t.FinishedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new TrialTiming(t.Number, t.WorkerId, t.State, t.CreatedAt, t.StartedAt, t.FinishedAt))];
    }

    /// <summary>Drops and creates the benchmark's own database, never another one.</summary>
    internal static async Task RecreateDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? string.Empty;
        if (!name.StartsWith("aesweep_dispatch_bench", StringComparison.Ordinal) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
        {
            throw new ArgumentException($"the benchmark drops and recreates its database, so its name must start with aesweep_dispatch_bench (letters, digits, _), not '{name}'");
        }

        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// Starts the CLI with its output going straight to a log file in the run's folder (no pipe through this process).
    /// A process that ends by itself runs under a shell that writes its CPU time (user + system) to NAME.cpu when it
    /// exits; one that is killed at the end is exec'd, and its CPU time is read from /proc just before.
    /// </summary>
    private Process Start(string name, bool endsByItself, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(endsByItself
            ? "log=\"$1\"; cpu=\"$2\"; shift 2; \"$@\" >\"$log\" 2>&1 </dev/null; rc=$?; times >\"$cpu\"; exit $rc"
            : "log=\"$1\"; cpu=\"$2\"; shift 2; exec \"$@\" >\"$log\" 2>&1 </dev/null");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Path.Combine(_folder, name + ".log"));
        start.ArgumentList.Add(Path.Combine(_folder, name + ".cpu"));
        start.ArgumentList.Add(options.Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {options.Executable}");
        _processes.Add(process);
        _logs[process] = Path.Combine(_folder, name + ".log");
        return process;
    }

    private async Task WaitForExitAsync(Process process, string what, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{what} did not finish within {options.Timeout.TotalSeconds:0} s; logs in {_folder} (--keep keeps them)");
        }

        if (process.ExitCode != 0)
        {
            var log = _logs[process];
            throw new InvalidOperationException($"{what} exited with code {process.ExitCode}: {(File.Exists(log) ? File.ReadAllText(log) : "no log")}");
        }
    }

    /// <summary>A live process's CPU time from /proc/PID/stat (utime + stime, in clock ticks of 1/100 s).</summary>
    private static double ProcCpuSeconds(Process process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of the file; 3 is the first after the command name.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The children's line of the shell's <c>times</c> ("0m1.230s 0m0.100s"): user + system.</summary>
    private double ShellCpuSeconds(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(_folder, name + ".cpu"));
        return lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(ParseShellTime);

        static double ParseShellTime(string text)
        {
            var m = text.IndexOf('m', StringComparison.Ordinal);
            return double.Parse(text[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(text[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture);
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
