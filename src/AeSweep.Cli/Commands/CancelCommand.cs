using System.CommandLine;

namespace AeSweep.Cli.Commands;

/// <summary><c>aesweep cancel ID</c>: stops a sweep on a server; finished trials are kept.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("sweep-id") { Description = "The sweep." };
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var data = RunCommand.DataOption();
        var command = new Command("cancel", "Cancel a sweep on a server (finished trials are kept).") { id, server, apiKey, data };
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(parse, server, apiKey, data, async api =>
        {
            await api.CancelAsync(parse.GetValue(id)!, cancellationToken);
            await Console.Error.WriteLineAsync($"sweep {parse.GetValue(id)} cancelled");
            return 0;
        }));
        return command;
    }
}
