using System.CommandLine;
using AeSweep.Application.Contracts;
using AeSweep.Cli.Remote;

namespace AeSweep.Cli.Commands;

/// <summary><c>aesweep status ID [--watch]</c>: one sweep's state and counts, or a live view until it finishes.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("sweep-id") { Description = "The sweep." };
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var data = RunCommand.DataOption();
        var watch = new Option<bool>("--watch") { Description = "Follow the sweep until it finishes: progress, counts, ETA and the best trials." };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON (after --watch: at the end)." };
        var command = new Command("status", "Show a sweep on a server.") { id, server, apiKey, data, watch, json };
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(parse, server, apiKey, data, async api =>
        {
            var sweepId = parse.GetValue(id)!;
            var sweep = parse.GetValue(watch)
                ? await new RemoteSweepWatcher(api, Console.Error).WatchAsync(sweepId, cancellationToken)
                : await api.GetSweepAsync(sweepId, cancellationToken);
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? ContractText.Json(sweep) : await DescribeAsync(api, sweepId, sweep, cancellationToken));
            return 0;
        }));
        return command;
    }

    public static async Task<string> DescribeAsync(AeSweepApiClient api, string sweepId, SweepDetailView sweep, CancellationToken cancellationToken)
    {
        var info = sweep.Sweep;
        var counts = string.Join(", ", sweep.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {TerminalText.Escape(c.Key)}"));
        var trials = await api.ListTrialsAsync(sweepId, 500, cancellationToken);
        var best = ContractText.BestFirst(trials.Items.Where(t => t.State == "completed"), info.Goal)
            .Select(t => $"best: trial #{t.Number} {TerminalText.Escape(info.Metric)} {t.Objective:G5} ({ContractText.Parameters(t.Parameters)})")
            .FirstOrDefault() ?? "best: none yet";
        var sampler = sweep.Sampler is { } s ? $"\nsampler: {TerminalText.Escape(s)}" : string.Empty;
        return $"sweep {TerminalText.Escape(info.Id)} ({TerminalText.Escape(info.Name)}): {TerminalText.Escape(info.State)}; {(counts.Length == 0 ? "no trials yet" : counts)}{sampler}\n{best}";
    }
}
