using System.CommandLine;
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
            using var sweep = parse.GetValue(watch)
                ? await new RemoteSweepWatcher(api, Console.Error).WatchAsync(sweepId, cancellationToken)
                : await api.GetSweepAsync(sweepId, cancellationToken);
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? sweep.RootElement.GetRawText() : await DescribeAsync(api, sweepId, sweep, cancellationToken));
            return 0;
        }));
        return command;
    }

    public static async Task<string> DescribeAsync(AeSweepApiClient api, string sweepId, System.Text.Json.JsonDocument sweep, CancellationToken cancellationToken)
    {
        var root = sweep.RootElement;
        var info = root.GetProperty("sweep");
        var counts = string.Join(", ", root.GetProperty("counts").EnumerateObject().Where(c => c.Value.GetInt32() > 0).Select(c => $"{c.Value.GetInt32()} {TerminalText.Escape(c.Name)}"));
        using var trials = await api.ListTrialsAsync(sweepId, 500, cancellationToken);
        var maximize = info.GetProperty("goal").GetString() == "maximize";
        var best = trials.RootElement.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("state").GetString() == "completed" && t.GetProperty("objective").ValueKind == System.Text.Json.JsonValueKind.Number)
            .OrderBy(t => maximize ? -t.GetProperty("objective").GetDouble() : t.GetProperty("objective").GetDouble())
            .Select(t => $"best: trial #{t.GetProperty("number").GetInt32()} {Text(info, "metric")} {t.GetProperty("objective").GetDouble():G5} ({TerminalText.Escape(string.Join(", ", t.GetProperty("parameters").EnumerateObject().Select(p => $"{p.Name}={p.Value}")))})")
            .FirstOrDefault() ?? "best: none yet";
        return $"sweep {Text(info, "id")} ({Text(info, "name")}): {Text(info, "state")}; {(counts.Length == 0 ? "no trials yet" : counts)}\n{best}";
    }

    private static string Text(System.Text.Json.JsonElement element, string name) => TerminalText.Escape(element.GetProperty(name).GetString());
}
