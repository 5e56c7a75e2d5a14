using System.CommandLine;
using System.Net;
using AeSweep.Hosting;
using AeSweep.Worker;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep worker --gateway HOST:PORT</c> (an embedded <c>aesweep run</c>) or <c>aesweep worker --postgres CONN</c>
/// (a cluster): a worker process that joins as an Orleans client, not a silo. It hosts no grains, so its death costs
/// the cluster nothing but the trials it held, which resume elsewhere from their checkpoints.
/// </summary>
internal static class WorkerCommand
{
    /// <summary>The most trials side by side on one GPU when --slots is not given: device memory decides below it.</summary>
    public const int DefaultGpuSlots = 32;

    /// <summary>
    /// <c>aesweep agent SWEEP_ID</c>: W&amp;B's <c>wandb agent</c> habit, a worker that serves that one sweep's trials (same
    /// options as <c>worker</c>; it runs until stopped, as a worker does).
    /// </summary>
    public static Command CreateAgent()
    {
        var sweepId = new Argument<string>("sweep-id") { Description = "The sweep to serve (as `aesweep sweep` or `submit` printed it)." };
        return Create("agent", "Serve one sweep's trials, W&B-style: a worker that takes only this sweep's trials.", sweepId);
    }

    public static Command Create() => Create("worker", "Join a coordinator and train its trials.", null);

    private static Command Create(string name, string description, Argument<string>? sweepId)
    {
        var gateway = new Option<string?>("--gateway") { Description = "The gateway of an embedded coordinator (aesweep run), HOST:PORT." };
        var postgres = ClusterOptions.Postgres();
        postgres.Description = "Join a cluster: its PostgreSQL connection string, where the coordinators' gateways are listed (default: $AESWEEP_POSTGRES when --gateway is not given).";
        var clusterId = ClusterOptions.ClusterId();
        var slots = new Option<int?>("--slots")
        {
            Description = $"Trials trained side by side (default 1 on the CPU; on cuda:N at most {DefaultGpuSlots}, as many as fit in --gpu-memory-fraction of its free memory).",
        };
        var device = new Option<string>("--device") { Description = "cpu or cuda:N.", DefaultValueFactory = _ => "cpu" };
        var gpuMemoryFraction = new Option<double>("--gpu-memory-fraction")
        {
            Description = $"On cuda:N: the share of the device's free memory that trials may reserve together, each by its estimate ({WorkerOptions.MinGpuMemoryFraction}–{WorkerOptions.MaxGpuMemoryFraction}).",
            DefaultValueFactory = _ => 0.8,
        };
        gpuMemoryFraction.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < WorkerOptions.MinGpuMemoryFraction or > WorkerOptions.MaxGpuMemoryFraction)
            {
                result.AddError($"--gpu-memory-fraction must be within {WorkerOptions.MinGpuMemoryFraction} and {WorkerOptions.MaxGpuMemoryFraction}");
            }
        });
        var artifacts = ClusterOptions.Artifacts();
        var data = RunCommand.DataOption();
        var id = new Option<string?>("--id") { Description = "Worker id (default: host-pid)." };
        var threads = new Option<int?>("--threads")
        {
            Description = "Intra-op threads per trial (default: cores ÷ slots). Several worker processes on one host must share its cores: libtorch slows down many times over when oversubscribed.",
        };
        // Hidden: for scripts/bench-dispatch.sh only. "noop" completes every trial at once without training it.
        var runner = new Option<string>("--runner")
        {
            Description = "auto (train models, run programs) or noop (complete every trial at once without training: for dispatch benchmarks only).",
            DefaultValueFactory = _ => "auto",
            Hidden = true,
        };
        runner.AcceptOnlyFromAmong("auto", "noop");
        var command = new Command(name, description) { gateway, postgres, clusterId, slots, device, gpuMemoryFraction, artifacts, data, id, threads, runner };
        if (sweepId is not null)
        {
            command.Arguments.Add(sweepId);
        }

        var programOptions = new ProgramOptions();
        programOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (programOptions.Policy(parse, out var programError) is not { } programs)
            {
                await Console.Error.WriteLineAsync(programError);
                return ValidateCommand.Invalid;
            }

            // An agent serves the one sweep its operator named, as `wandb agent` runs whatever that sweep's command is:
            // naming the sweep is the decision --allow-programs stands for (it leases no other sweep's trials).
            // --allow-program EXE still narrows it.
            if (sweepId is not null && programs.Executables.IsEmpty)
            {
                programs = Core.Definitions.ProgramPolicy.Any;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            HostLogging.Configure(builder.Logging, LogLevel.Information);
            if (parse.GetValue(gateway) is { } gatewayText)
            {
                if (!TryParseEndpoint(gatewayText, out var endpoint))
                {
                    await Console.Error.WriteLineAsync($"aesweep: --gateway must be HOST:PORT, not '{gatewayText}'");
                    return ValidateCommand.Invalid;
                }

                builder.UseOrleansClient(client => client.UseGateway(endpoint));
            }
            else
            {
                var membership = ClusterOptions.Membership(parse.GetValue(postgres), parse.GetValue(clusterId)!, out var error);
                if (membership is null)
                {
                    await Console.Error.WriteLineAsync(error + " (or --gateway HOST:PORT for an embedded coordinator)");
                    return ValidateCommand.Invalid;
                }

                builder.UseOrleansClient(client => client.UsePostgresMembership(membership));
            }

            var artifactRoot = parse.GetValue(artifacts)?.FullName ?? Path.Combine(parse.GetValue(data)!.FullName, "artifacts");
            builder.Services.AddAeSweepWorker(o =>
            {
                o.Device = parse.GetValue(device)!;
                o.Slots = Math.Max(1, parse.GetValue(slots) ?? (o.IsCuda ? DefaultGpuSlots : 1));
                o.GpuMemoryFraction = parse.GetValue(gpuMemoryFraction);
                o.ArtifactRoot = artifactRoot;
                o.ThreadsPerTrial = parse.GetValue(threads);
                o.SweepId = sweepId is null ? null : parse.GetValue(sweepId);
                if (parse.GetValue(id) is { Length: > 0 } workerId)
                {
                    o.WorkerId = workerId;
                }
            });
            builder.Services.AddSingleton(programs);
            if (parse.GetValue(runner) == "noop")
            {
                builder.Services.UseNoOpTrialRunner();
            }

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
