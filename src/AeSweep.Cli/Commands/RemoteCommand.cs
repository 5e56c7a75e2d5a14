using System.CommandLine;
using AeSweep.Cli.Remote;

namespace AeSweep.Cli.Commands;

/// <summary>Runs a remote verb's body with a connected client, turning failures into their message and exit code.</summary>
internal static class RemoteCommand
{
    public static async Task<int> RunAsync(ParseResult parse, Option<string?> server, Option<string?> apiKey, Option<DirectoryInfo> data, Func<AeSweepApiClient, Task<int>> body)
    {
        using var client = RemoteOptions.Connect(parse.GetValue(server), parse.GetValue(apiKey), parse.GetValue(data)!, out var error);
        if (client is null)
        {
            await Console.Error.WriteLineAsync(error);
            return ValidateCommand.Invalid;
        }

        try
        {
            return await body(client);
        }
        catch (RemoteApiException ex)
        {
            // The message may quote the server's problem details: its control characters are escaped too.
            await Console.Error.WriteLineAsync(TerminalText.Escape(ex.Message));
            return ex.ExitCode;
        }
    }
}
