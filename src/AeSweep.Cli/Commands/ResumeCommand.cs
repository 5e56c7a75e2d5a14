using System.CommandLine;
using AeSweep.Application;
using AeSweep.Core.Definitions;
using AeSweep.Hosting;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep resume [SWEEP_ID]</c>: starts the embedded coordinator again on an existing data folder after a crash,
/// kill -9 or power cut. Every unfinished sweep in it resumes (finished trials kept, trials that were running
/// requeued from their checkpoints); this command follows the given one, or the most recent unfinished one.
/// </summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var sweepId = new Argument<string?>("sweep-id") { Description = "The sweep to follow (default: the most recent unfinished one).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "End with one JSON object on stdout, as run --json does." };
        var data = RunCommand.DataOption();
        var slots = new Option<int>("--slots") { Description = "Trials trained side by side by the local worker (0: no local worker).", DefaultValueFactory = _ => 1 };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Fixed loopback port where `aesweep worker --gateway` processes join." };
        var verbose = new Option<bool>("--verbose") { Description = "Log what the coordinator and worker do." };
        // With --server: resume a paused sweep on that server (sweep control) instead of restarting a local data folder.
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var command = new Command("resume", "Restart the embedded coordinator on a data folder and finish its unfinished sweeps; with --server, resume a paused sweep on that server.")
            { sweepId, json, data, slots, gatewayPort, verbose, server, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetResult(server) is { Implicit: false })
            {
                return parse.GetValue(sweepId) is { } paused
                    ? await RemoteCommand.RunAsync(parse, server, apiKey, data, api => ControlCommands.ResumeRemoteAsync(api, paused, cancellationToken))
                    : await MissingSweepIdAsync();
            }

            var folder = parse.GetValue(data)!.FullName;
            if (!File.Exists(Path.Combine(folder, "aesweep.db")))
            {
                await Console.Error.WriteLineAsync($"aesweep: no sweeps to resume: {Path.Combine(folder, "aesweep.db")} does not exist (--data names the folder `run` used)");
                return ValidateCommand.Unreadable;
            }

            if (parse.GetValue(slots) < 0)
            {
                await Console.Error.WriteLineAsync("aesweep: --slots must be 0 or more");
                return ValidateCommand.Invalid;
            }

            using var folderLock = DataFolderLock.TryAcquire(folder, out var refusal);
            if (folderLock is null)
            {
                await Console.Error.WriteLineAsync($"aesweep: {refusal}");
                return 1;
            }

            // Like `run`: the user finishes their own data folder's sweeps, programs included.
            using var host = EmbeddedHost.Build(folder, parse.GetValue(slots), parse.GetValue(gatewayPort), null, ProgramPolicy.Any, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            if (!await RunCommand.MigrateAsync(host.Services, cancellationToken))
            {
                return 1;
            }

            var queries = host.Services.GetRequiredService<ISweepQueries>();
            var requested = parse.GetValue(sweepId);
            var sweep = requested is not null
                ? (await queries.GetSweepAsync(requested, cancellationToken))?.Sweep
                : (await queries.ListUnfinishedSweepsAsync(cancellationToken)).MaxBy(s => s.CreatedAt);
            if (sweep is null)
            {
                await Console.Error.WriteLineAsync(requested is null ? $"aesweep: every sweep in {folder} has finished; nothing to resume" : $"aesweep: no sweep '{requested}' in {folder}");
                return requested is null ? 0 : ValidateCommand.Invalid;
            }

            var definition = await queries.GetDefinitionAsync(sweep.Id, cancellationToken);
            if (definition is null)
            {
                await Console.Error.WriteLineAsync($"aesweep: sweep {sweep.Id}'s stored definition no longer validates; it cannot be resumed");
                return ValidateCommand.Invalid;
            }

            // The coordinator's recovery service resumes every unfinished sweep as the host starts; a paused one is
            // resumed too, since the user asked for it to finish.
            await host.StartAsync(cancellationToken);
            if (sweep.State == "paused")
            {
                await host.Services.GetRequiredService<ISweepCommands>().ResumeAsync(sweep.Id, cancellationToken);
            }

            await Console.Error.WriteLineAsync($"resuming sweep {sweep.Id} ({TerminalText.Escape(sweep.Name)})");
            return await RunCommand.FollowToEndAsync(host, sweep.Id, definition, parse.GetValue(json), Path.Combine(folder, "artifacts"), cancellationToken);
        });
        return command;
    }

    private static async Task<int> MissingSweepIdAsync()
    {
        await Console.Error.WriteLineAsync("aesweep: resume --server needs the paused sweep's id");
        return ValidateCommand.Invalid;
    }
}
