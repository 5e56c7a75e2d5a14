using System.CommandLine;
using System.Net;
using AeSweep.Hosting;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep coordinator --postgres CONN</c>: a cluster coordinator (an Orleans silo hosting the sweep grains) that
/// runs until stopped. Start several for availability; sweeps go on as long as one is up, and a restarted one
/// resumes every unfinished sweep from the database.
/// </summary>
internal static class CoordinatorCommand
{
    public static Command Create()
    {
        var postgres = ClusterOptions.Postgres();
        var clusterId = ClusterOptions.ClusterId();
        var listen = new Option<string?>("--listen-address")
        {
            Description = "Address the silo and gateway listen on and advertise (default 127.0.0.1; 0.0.0.0 advertises the host's first address). The gateway has no authentication: expose it only on a trusted network.",
        };
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port where workers and submitters connect.", DefaultValueFactory = _ => 30000 };
        var artifacts = ClusterOptions.Artifacts();
        var data = RunCommand.DataOption();
        var slots = new Option<int>("--slots") { Description = "Trials this process also trains itself (default 0: coordinators only coordinate).", DefaultValueFactory = _ => 0 };
        var verbose = new Option<bool>("--verbose") { Description = "Log scheduling decisions." };
        var command = new Command("coordinator", "Run a cluster coordinator (Orleans silo, PostgreSQL membership and store) until stopped.")
        {
            postgres, clusterId, listen, siloPort, gatewayPort, artifacts, data, slots, verbose,
        };
        var programOptions = new ProgramOptions();
        programOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (programOptions.Policy(parse, out var programError) is not { } programs)
            {
                await Console.Error.WriteLineAsync(programError);
                return ValidateCommand.Invalid;
            }

            var membership = ClusterOptions.Membership(parse.GetValue(postgres), parse.GetValue(clusterId)!, out var error);
            if (membership is null || !ClusterOptions.TryParseAddress(parse.GetValue(listen), IPAddress.Loopback, out var address, out error))
            {
                await Console.Error.WriteLineAsync(error);
                return ValidateCommand.Invalid;
            }

            foreach (var (name, port) in new[] { ("--silo-port", parse.GetValue(siloPort)), ("--gateway-port", parse.GetValue(gatewayPort)) })
            {
                if (port is < 1 or > 65535)
                {
                    await Console.Error.WriteLineAsync($"aesweep: {name} must be between 1 and 65535, not {port}");
                    return ValidateCommand.Invalid;
                }
            }

            var artifactRoot = parse.GetValue(artifacts)?.FullName ?? Path.Combine(parse.GetValue(data)!.FullName, "artifacts");
            try
            {
                await ClusterCoordinatorHost.PrepareDatabaseAsync(membership, cancellationToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"aesweep: cannot prepare the cluster database: {ex.Message}");
                return 1;
            }

            using var host = ClusterCoordinatorHost.Build(
                membership, address, parse.GetValue(siloPort), parse.GetValue(gatewayPort), artifactRoot, Math.Max(0, parse.GetValue(slots)), programs,
                parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            await host.StartAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"coordinator up: cluster '{membership.ClusterId}', silo {address}:{parse.GetValue(siloPort)}, gateway {address}:{parse.GetValue(gatewayPort)}");
            await host.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
