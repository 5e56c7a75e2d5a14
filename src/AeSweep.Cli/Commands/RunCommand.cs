using System.CommandLine;
using System.Net;
using AeSweep.Application;
using AeSweep.Hosting;
using AeSweep.Core.Definitions;
using AeSweep.Storage;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep run FILE [--json]</c>: runs a whole sweep in this process (silo, local worker, SQLite), shows live
/// progress, and leaves the results in the data folder's database for the dashboard.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The sweep file (YAML or JSON)." };
        var json = new Option<bool>("--json") { Description = "End with one JSON object on stdout: sweep_id, counts, best." };
        var data = DataOption();
        var slots = new Option<int?>("--slots")
        {
            Description = "Trials trained side by side by the local worker (default: the sweep's max_parallel, at most one per core, each with cores ÷ slots threads; 0: no local worker, workers join with aesweep worker).",
        };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Fixed loopback port where `aesweep worker --gateway` processes join (default: a free port)." };
        var listen = new Option<string?>("--listen-address")
        {
            Description = "Address the coordinator's silo and gateway listen on (default: loopback only). 0.0.0.0 lets workers on other hosts or containers join; the gateway has no authentication, so expose it only on a trusted network.",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log what the coordinator and worker do." };
        var command = new Command("run", "Run a sweep here and now: embedded coordinator, local worker, results in SQLite.") { file, json, data, slots, gatewayPort, listen, verbose };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(data)!, parse.GetValue(slots), parse.GetValue(gatewayPort), parse.GetValue(listen), parse.GetValue(verbose), cancellationToken));
        return command;
    }

    public static Option<DirectoryInfo> DataOption() => new("--data")
    {
        Description = "Folder for the SQLite database and artifacts (default: $AESWEEP_DATA or ./aesweep-data).",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable("AESWEEP_DATA") is { Length: > 0 } env ? env : "aesweep-data"),
    };

    /// <summary>Reads and validates a sweep file, printing every problem; the exit code when it cannot be used.</summary>
    public static async Task<(SweepDefinition? Definition, int ExitCode)> ReadSweepFileAsync(FileInfo file)
    {
        SweepParseResult parsed;
        try
        {
            parsed = SweepDefinitionParser.ParseFile(file.FullName);
        }
        catch (SweepFileUnreadableException ex)
        {
            await Console.Error.WriteLineAsync($"aesweep: {ex.Message}");
            return (null, ValidateCommand.Unreadable);
        }

        if (!parsed.IsValid)
        {
            foreach (var problem in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(TerminalText.Escape(problem.ToString()));
            }

            return (null, ValidateCommand.Invalid);
        }

        return (parsed.Definition!, 0);
    }

    private static async Task<int> RunAsync(FileInfo file, bool json, DirectoryInfo data, int? requestedSlots, int? gatewayPort, string? listen, bool verbose, CancellationToken cancellationToken)
    {
        var (definition, failure) = await ReadSweepFileAsync(file);
        if (definition is null)
        {
            return failure;
        }

        // Measured (docs/benchmarks/training.md): two trials with one thread each finish 1.7x more trials per hour
        // than one trial with two threads, so the local worker fills the cores with parallel trials.
        // That cap is for built-in training, which keeps a core busy per trial; an external program's trials may wait
        // on anything (a GPU, a remote service), so a program sweep runs max_parallel trials as its file says.
        var slots = requestedSlots ?? (definition.Program is not null
            ? Math.Max(1, definition.Budget.MaxParallel)
            : Math.Clamp(definition.Budget.MaxParallel, 1, Environment.ProcessorCount));
        if (slots < 0)
        {
            await Console.Error.WriteLineAsync("aesweep: --slots must be 0 or more");
            return ValidateCommand.Invalid;
        }

        IPAddress? listenAddress = null;
        if (listen is not null && !IPAddress.TryParse(listen, out listenAddress))
        {
            await Console.Error.WriteLineAsync($"aesweep: --listen-address must be an IP address such as 0.0.0.0, not '{listen}'");
            return ValidateCommand.Invalid;
        }

        using var folderLock = DataFolderLock.TryAcquire(data.FullName, out var refusal);
        if (folderLock is null)
        {
            await Console.Error.WriteLineAsync($"aesweep: {refusal}");
            return 1;
        }

        // The user runs their own file: its program is theirs to run (serve, coordinator and worker need --allow-programs).
        using var host = EmbeddedHost.Build(data.FullName, slots, gatewayPort, listenAddress, ProgramPolicy.Any, verbose ? LogLevel.Information : LogLevel.Warning);
        if (!await MigrateAsync(host.Services, cancellationToken))
        {
            return 1;
        }

        await host.StartAsync(cancellationToken);
        // The policy is ProgramPolicy.Any here, so a valid definition is always submitted.
        var submitted = await host.Services.GetRequiredService<ISweepCommands>().SubmitAsync(definition, cancellationToken);
        if (await SubmitRefusal.ReportAsync(submitted, host))
        {
            return ValidateCommand.Invalid;
        }

        var coreCap = requestedSlots is null && slots < definition.Budget.MaxParallel
            ? $"{slots} at a time: max_parallel {definition.Budget.MaxParallel} capped at one built-in trial per core (--slots overrides)"
            : null;
        return await FollowToEndAsync(host, submitted.Sweep!.Id, definition, json, Path.Combine(data.FullName, "artifacts"), cancellationToken, coreCap);
    }

    /// <summary>Migrates the data folder's database; false, after one line on stderr, when the file is not usable.</summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.MigrateAeSweepStorageAsync(cancellationToken);
            return true;
        }
        catch (UnusableDatabaseException ex)
        {
            await Console.Error.WriteLineAsync($"aesweep: {ex.Message}");
            return false;
        }
    }

    /// <summary>
    /// Shows live progress until the sweep finishes, prints its summary (JSON with <paramref name="json"/>) and stops
    /// the host. Ctrl+C cancels the sweep, keeping what finished: in embedded mode the sweep lives in this process.
    /// </summary>
    public static async Task<int> FollowToEndAsync(IHost host, string sweepId, SweepDefinition definition, bool json, string artifactRoot, CancellationToken cancellationToken, string? parallelismNote = null)
    {
        var queries = host.Services.GetRequiredService<ISweepQueries>();
        var progress = new SweepProgressDisplay(queries, definition, Console.Error) { ParallelismNote = parallelismNote };
        var exitCode = 0;
        try
        {
            await progress.FollowAsync(sweepId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await host.Services.GetRequiredService<ISweepCommands>().CancelAsync(sweepId, "cancelled from the command line (Ctrl+C)", CancellationToken.None);
            await Console.Error.WriteLineAsync($"sweep {sweepId} cancelled");
            exitCode = 130;
        }

        var summary = await SweepResultSummary.LoadAsync(queries, sweepId, artifactRoot, CancellationToken.None, host.Services.GetRequiredService<IParetoQueries>());
        await Console.Out.WriteLineAsync(json ? summary.ToJson() : summary.Describe());
        await host.StopAsync(CancellationToken.None);
        return exitCode;
    }
}
