using System.CommandLine;
using AeSweep.Application;
using AeSweep.Core.Definitions;
using AeSweep.Hosting;
using AeSweep.Storage;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep submit FILE [--watch] [--json]</c>: hands a sweep to a server through the REST API (<c>--server</c>,
/// <c>--api-key</c>), or straight to a cluster's database and grains (<c>--postgres</c>). Without <c>--watch</c> it
/// prints the sweep id and returns; with it, it follows the sweep to its end with live progress. Ctrl+C while
/// watching only stops following: the sweep belongs to the server.
/// </summary>
internal static class SubmitCommand
{
    /// <summary>
    /// <c>aesweep sweep FILE</c>: W&amp;B's <c>wandb sweep</c> habit, the same as <c>submit</c>; prints the sweep id that
    /// <c>aesweep agent SWEEP_ID</c> serves.
    /// </summary>
    public static Command CreateSweepAlias() =>
        Create("sweep", "Submit a sweep, W&B-style (the same as submit): prints the id for `aesweep agent SWEEP_ID`.");

    public static Command Create() => Create("submit", "Submit a sweep to a running cluster (see aesweep coordinator).");

    private static Command Create(string name, string description)
    {
        var file = new Argument<FileInfo>("file") { Description = "The sweep file (YAML or JSON)." };
        var postgres = ClusterOptions.Postgres();
        var clusterId = ClusterOptions.ClusterId();
        var wait = new Option<bool>("--watch", "--wait") { Description = "Follow the sweep until it finishes: progress, counts, ETA and the best trials." };
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var json = new Option<bool>("--json") { Description = "Print JSON on stdout: {sweep_id} at once, or the run summary with --wait." };
        var artifacts = ClusterOptions.Artifacts();
        var data = RunCommand.DataOption();
        var command = new Command(name, description) { file, server, apiKey, postgres, clusterId, wait, json, artifacts, data };
        // Only for --postgres, which bypasses every server's policy: the REST API applies the server's own.
        var programOptions = new ProgramOptions();
        programOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (definition, failure) = await RunCommand.ReadSweepFileAsync(parse.GetValue(file)!);
            if (definition is null)
            {
                return failure;
            }

            // An explicit server (or AESWEEP_SERVER) goes through the REST API; otherwise a cluster database when one is
            // named; otherwise the REST API of the embedded default on loopback.
            if (parse.GetValue(server) is not null || parse.GetValue(postgres) is null)
            {
                var text = SweepDefinitionParser.ReadFileText(parse.GetValue(file)!.FullName);
                return await RemoteCommand.RunAsync(parse, server, apiKey, data, async api =>
                {
                    var sweepId = (await api.SubmitAsync(text, cancellationToken)).Id;
                    if (!parse.GetValue(wait))
                    {
                        await Console.Out.WriteLineAsync(parse.GetValue(json) ? $"{{\"sweep_id\":\"{sweepId}\"}}" : TerminalText.Escape(sweepId));
                        return 0;
                    }

                    await Console.Error.WriteLineAsync($"sweep {sweepId} submitted to {api.Server}");
                    try
                    {
                        var final = await new Remote.RemoteSweepWatcher(api, Console.Error).WatchAsync(sweepId, cancellationToken);
                        await Console.Out.WriteLineAsync(parse.GetValue(json) ? Remote.ContractText.Json(final) : await StatusCommand.DescribeAsync(api, sweepId, final, cancellationToken));
                        return 0;
                    }
                    catch (OperationCanceledException)
                    {
                        await Console.Error.WriteLineAsync($"stopped following sweep {sweepId}; it goes on on the server");
                        return 130;
                    }
                });
            }

            var membership = ClusterOptions.Membership(parse.GetValue(postgres), parse.GetValue(clusterId)!, out var error);
            if (membership is null)
            {
                await Console.Error.WriteLineAsync(error);
                return ValidateCommand.Invalid;
            }

            var programs = programOptions.Policy(parse, out var programError);
            if (programs?.Refusal(definition.Program) is { } refusal)
            {
                programError = $"aesweep: {refusal}";
            }

            if (programError is not null)
            {
                await Console.Error.WriteLineAsync(programError);
                return ValidateCommand.Invalid;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            HostLogging.Configure(builder.Logging, LogLevel.Warning);
            builder.UseOrleansClient(client => client.UsePostgresMembership(membership, connectPatience: TimeSpan.FromSeconds(30)));
            builder.Services.AddAeSweepStorage(StorageProvider.Postgres, membership.PostgresConnectionString);
            builder.Services.AddSingleton(programs!);
            builder.Services.AddAeSweepApplication();
            using var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"aesweep: cannot reach cluster '{membership.ClusterId}': {ex.Message} (is an `aesweep coordinator` running against this database?)");
                return 1;
            }

            var queries = host.Services.GetRequiredService<ISweepQueries>();
            // The policy was checked above, so a valid definition is always submitted.
            var submitted = await host.Services.GetRequiredService<ISweepCommands>().SubmitAsync(definition, cancellationToken);
            if (await SubmitRefusal.ReportAsync(submitted, host))
            {
                return ValidateCommand.Invalid;
            }

            var sweep = submitted.Sweep!;
            if (!parse.GetValue(wait))
            {
                await Console.Out.WriteLineAsync(parse.GetValue(json) ? $"{{\"sweep_id\":\"{sweep.Id}\"}}" : sweep.Id);
                await host.StopAsync(CancellationToken.None);
                return 0;
            }

            var exitCode = 0;
            try
            {
                await new SweepProgressDisplay(queries, definition, Console.Error).FollowAsync(sweep.Id, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"stopped following sweep {sweep.Id}; it goes on in the cluster");
                exitCode = 130;
            }

            var artifactRoot = parse.GetValue(artifacts)?.FullName ?? Path.Combine(parse.GetValue(data)!.FullName, "artifacts");
            var summary = await SweepResultSummary.LoadAsync(queries, sweep.Id, artifactRoot, CancellationToken.None, host.Services.GetRequiredService<IParetoQueries>());
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? summary.ToJson() : summary.Describe());
            await host.StopAsync(CancellationToken.None);
            return exitCode;
        });
        return command;
    }
}
