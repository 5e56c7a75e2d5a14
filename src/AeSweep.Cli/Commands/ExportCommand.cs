using System.CommandLine;

namespace AeSweep.Cli.Commands;

/// <summary><c>aesweep export ID --format csv|json [--output FILE]</c>: one row per trial, parameters and metrics as columns.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("sweep-id") { Description = "The sweep." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var server = RemoteOptions.Server();
        var apiKey = RemoteOptions.ApiKey();
        var data = RunCommand.DataOption();
        var command = new Command("export", "Export a sweep's trials as CSV or JSON.") { id, format, output, server, apiKey, data };
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(parse, server, apiKey, data, async api =>
        {
            if (parse.GetValue(output) is { } file)
            {
                var partial = file.FullName + ".part";
                try
                {
                    await using var stream = File.Create(partial);
                    await api.ExportAsync(parse.GetValue(id)!, parse.GetValue(format)!, stream, cancellationToken);
                }
                catch
                {
                    File.Delete(partial);
                    throw;
                }

                File.Move(partial, file.FullName, overwrite: true);
                await Console.Error.WriteLineAsync($"wrote {file.FullName}");
                return 0;
            }

            await using var stdout = Console.OpenStandardOutput();
            await api.ExportAsync(parse.GetValue(id)!, parse.GetValue(format)!, stdout, cancellationToken);
            return 0;
        }));
        return command;
    }
}
