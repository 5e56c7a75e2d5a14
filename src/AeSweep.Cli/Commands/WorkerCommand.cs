using System.CommandLine;
using System.Net;
using AeSweep.Cli.Hosting;
using AeSweep.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep worker --gateway HOST:PORT</c>: a worker process that joins a coordinator as an Orleans client (not a
/// silo: it hosts no grains, so its death costs the cluster nothing but the trials it held, which resume elsewhere).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var gateway = new Option<string>("--gateway") { Description = "The coordinator's gateway, HOST:PORT.", Required = true };
        var slots = new Option<int>("--slots") { Description = "Trials trained side by side.", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "cpu or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var artifacts = new Option<DirectoryInfo?>("--artifacts") { Description = "Where checkpoints and images go (shared with the coordinator; default: DATA/artifacts)." };
        var data = RunCommand.DataOption();
        var id = new Option<string?>("--id") { Description = "Worker id (default: host-pid)." };
        var threads = new Option<int?>("--threads")
        {
            Description = "Intra-op threads per trial (default: cores ÷ slots). Several worker processes on one host must share its cores: libtorch slows down many times over when oversubscribed.",
        };
        var command = new Command("worker", "Join a coordinator and train its trials.") { gateway, slots, device, artifacts, data, id, threads };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseEndpoint(parse.GetValue(gateway)!, out var endpoint))
            {
                await Console.Error.WriteLineAsync($"aesweep: --gateway must be HOST:PORT, not '{parse.GetValue(gateway)}'");
                return 2;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            EmbeddedHost.ConfigureLogging(builder.Logging, LogLevel.Information);
            builder.UseOrleansClient(client => client.UseStaticClustering(endpoint));
            var artifactRoot = parse.GetValue(artifacts)?.FullName ?? Path.Combine(parse.GetValue(data)!.FullName, "artifacts");
            builder.Services.AddAeSweepWorker(o =>
            {
                o.Slots = Math.Max(1, parse.GetValue(slots));
                o.Device = parse.GetValue(device)!;
                o.ArtifactRoot = artifactRoot;
                o.ThreadsPerTrial = parse.GetValue(threads);
                if (parse.GetValue(id) is { Length: > 0 } workerId)
                {
                    o.WorkerId = workerId;
                }
            });
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon];
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : Dns.GetHostAddresses(host).FirstOrDefault();
        if (address is null)
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
