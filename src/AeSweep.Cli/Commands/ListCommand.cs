using System.CommandLine;
using System.Globalization;
using AeSweep.Application.Contracts;
using AeSweep.Cli.Remote;

namespace AeSweep.Cli.Commands;

/// <summary><c>aesweep list</c>: the server's sweeps, newest first.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var data = RunCommand.DataOption();
        var json = new Option<bool>("--json") { Description = "Print the API's JSON instead of a table." };
        var limit = new Option<int>("--limit") { Description = "How many sweeps (newest first).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List the sweeps on a server.") { server, apiKey, data, json, limit };
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(parse, server, apiKey, data, async api =>
        {
            var sweeps = await api.ListSweepProgressAsync(Math.Clamp(parse.GetValue(limit), 1, 500), cancellationToken);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(ContractText.Json(sweeps));
                return 0;
            }

            var items = sweeps.Items;
            if (items.Count == 0)
            {
                await Console.Error.WriteLineAsync("no sweeps yet");
                return 0;
            }

            await Console.Out.WriteLineAsync($"{"ID",-12} {"STATE",-10} {"CREATED",-17} {"DONE",-9} {"RUNNING",-7} {"BEST",-28} NAME");
            foreach (var item in items)
            {
                var sweep = item.Sweep;
                var created = sweep.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var line = $"{TerminalText.Escape(sweep.Id),-12} {TerminalText.Escape(sweep.State),-10} {created,-17} {Done(item),-9} {Count(item, "running"),-7} {Best(item),-28} {TerminalText.Escape(sweep.Name)}";
                await Console.Out.WriteLineAsync(line);
            }

            return 0;
        }));
        return command;
    }

    private static readonly string[] FinalStates = ["completed", "pruned", "failed", "cancelled"];

    private static int Count(SweepProgressView item, string state) => item.Counts.GetValueOrDefault(state);

    /// <summary>Finished trials against the trial limit ("7/12"), or just the count when the sweep has none.</summary>
    private static string Done(SweepProgressView item)
    {
        var done = FinalStates.Sum(state => Count(item, state));
        return item.Budget?.MaxTrials is { } max ? $"{done}/{max}" : done.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The best trial's objective with the metric's name and the trial's number, e.g. "val_mse 0.0123 (#4)".</summary>
    private static string Best(SweepProgressView item) => item.Best?.Objective is { } value
        ? TerminalText.Escape($"{item.Sweep.Metric} {value.ToString("G4", CultureInfo.InvariantCulture)} (#{item.Best.Number})")
        : "-";
}
