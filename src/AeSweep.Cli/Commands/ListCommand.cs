using System.CommandLine;
using System.Globalization;
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
            var sweeps = await api.ListSweepsAsync(Math.Clamp(parse.GetValue(limit), 1, 500), cancellationToken);
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

            await Console.Out.WriteLineAsync($"{"ID",-12} {"STATE",-10} {"CREATED",-17} NAME");
            foreach (var sweep in items)
            {
                var created = sweep.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                await Console.Out.WriteLineAsync($"{TerminalText.Escape(sweep.Id),-12} {TerminalText.Escape(sweep.State),-10} {created,-17} {TerminalText.Escape(sweep.Name)}");
            }

            return 0;
        }));
        return command;
    }
}
