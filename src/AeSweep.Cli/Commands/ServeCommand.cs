using System.CommandLine;
using AeSweep.Web;

namespace AeSweep.Cli.Commands;

/// <summary>
/// <c>aesweep serve [--urls URL] [--data DIR]</c>: the embedded mode with the dashboard — web + REST API + Orleans silo
/// + local worker + SQLite under DIR — until stopped. Loopback only unless credentials are configured.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where the dashboard and API listen; ';'-separated (default http://127.0.0.1:5080). Beyond loopback needs AESWEEP_ADMIN_PASSWORD and AESWEEP_API_KEY.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AESWEEP_URLS") is { Length: > 0 } env ? env : "http://127.0.0.1:5080",
        };
        var data = RunCommand.DataOption();
        var slots = new Option<int?>("--slots") { Description = "Trials the local worker trains side by side (default: one per core; 0: no local worker)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = "Fixed loopback port where `aesweep worker --gateway` processes join." };
        var demo = new Option<FileInfo?>("--demo") { Description = "A sweep file to start when the database has no sweep yet (the README's demo)." };
        var examples = new Option<DirectoryInfo?>("--examples") { Description = "Folder of sweep files offered as templates on the new-sweep page (default: ./examples when present)." };
        var command = new Command("serve", "Run the dashboard and REST API with an embedded coordinator, local worker and SQLite.") { urls, data, slots, gatewayPort, demo, examples };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var demoFile = parse.GetValue(demo);
            if (demoFile is { Exists: false })
            {
                await Console.Error.WriteLineAsync($"aesweep: --demo {demoFile.FullName} does not exist");
                return ValidateCommand.Unreadable;
            }

            if (parse.GetValue(slots) is < 0)
            {
                await Console.Error.WriteLineAsync("aesweep: --slots must be 0 or more");
                return ValidateCommand.Invalid;
            }

            var examplesDirectory = parse.GetValue(examples)?.FullName ?? (Directory.Exists("examples") ? Path.GetFullPath("examples") : null);
            var settings = new WebServerSettings
            {
                Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                DataDirectory = parse.GetValue(data)!.FullName,
                Slots = parse.GetValue(slots) ?? Environment.ProcessorCount,
                GatewayPort = parse.GetValue(gatewayPort),
                DemoSweepFile = demoFile?.FullName,
                ExamplesDirectory = examplesDirectory,
            };

            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = AeSweepWebServer.Build(settings);
            }
            catch (WebServerConfigurationException ex)
            {
                await Console.Error.WriteLineAsync($"aesweep: {ex.Message}");
                return ValidateCommand.Invalid;
            }

            await using (app)
            {
                await AeSweepWebServer.StartAsync(app, cancellationToken);
                await Console.Error.WriteLineAsync($"AeSweep dashboard: {string.Join(", ", settings.Urls)}  (data: {settings.DataDirectory}; API key: {Path.Combine(settings.DataDirectory, "api-key")} unless AESWEEP_API_KEY is set)");
                await app.WaitForShutdownAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
