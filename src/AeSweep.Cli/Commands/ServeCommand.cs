using System.CommandLine;
using AeSweep.Hosting;
using AeSweep.Web;
using AeSweep.Web.Security;

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
        var demo = new Option<FileInfo[]>("--demo")
        {
            Description = "A sweep file to start when the database has no sweep yet (the README's demo); repeat it to start several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var examples = new Option<DirectoryInfo?>("--examples") { Description = "Folder of sweep files offered as templates on the new-sweep page (default: ./examples when present)." };
        var postgres = ClusterOptions.Postgres();
        postgres.DefaultValueFactory = null;
        postgres.Description = "Cluster mode: serve as one of the cluster's coordinators (PostgreSQL membership and store) instead of the embedded SQLite mode.";
        var clusterId = ClusterOptions.ClusterId();
        var siloPort = new Option<int>("--silo-port") { Description = "Cluster mode: port for silo-to-silo traffic.", DefaultValueFactory = _ => 11111 };
        var listen = new Option<string?>("--listen-address") { Description = "Cluster mode: address the silo and gateway listen on and advertise (default 127.0.0.1)." };
        var artifacts = ClusterOptions.Artifacts();
        var allowedHosts = new Option<string?>("--allowed-hosts")
        {
            Description = $"Host names the dashboard and API answer for beside localhost, 127.0.0.1 and [::1], comma-separated (default: ${AllowedHosts.EnvironmentVariable}). Requests for other names get 421.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(AllowedHosts.EnvironmentVariable),
        };
        var command = new Command("serve", "Run the dashboard and REST API: embedded (coordinator, local worker and SQLite here) or as a cluster coordinator (--postgres).")
        {
            urls, data, slots, gatewayPort, demo, examples, postgres, clusterId, siloPort, listen, artifacts, allowedHosts,
        };
        var programOptions = new ProgramOptions();
        programOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (programOptions.Policy(parse, out var programError) is not { } programs)
            {
                await Console.Error.WriteLineAsync(programError);
                return ValidateCommand.Invalid;
            }

            var demoFiles = parse.GetValue(demo) ?? [];
            if (demoFiles.FirstOrDefault(f => !f.Exists) is { } missingDemo)
            {
                await Console.Error.WriteLineAsync($"aesweep: --demo {missingDemo.FullName} does not exist");
                return ValidateCommand.Unreadable;
            }

            if (parse.GetValue(slots) is < 0)
            {
                await Console.Error.WriteLineAsync("aesweep: --slots must be 0 or more");
                return ValidateCommand.Invalid;
            }

            ClusterMembership? membership = null;
            if (parse.GetValue(postgres) is { } connection)
            {
                membership = ClusterOptions.Membership(connection, parse.GetValue(clusterId)!, out var error);
                if (membership is null)
                {
                    await Console.Error.WriteLineAsync(error);
                    return ValidateCommand.Invalid;
                }
            }

            if (!ClusterOptions.TryParseAddress(parse.GetValue(listen), System.Net.IPAddress.Loopback, out var address, out var addressError))
            {
                await Console.Error.WriteLineAsync(addressError);
                return ValidateCommand.Invalid;
            }

            var examplesDirectory = parse.GetValue(examples)?.FullName ?? (Directory.Exists("examples") ? Path.GetFullPath("examples") : null);
            var settings = new WebServerSettings
            {
                Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                DataDirectory = parse.GetValue(data)!.FullName,
                // A cluster coordinator leaves training to the workers unless asked.
                Slots = parse.GetValue(slots) ?? (membership is null ? Environment.ProcessorCount : 0),
                GatewayPort = parse.GetValue(gatewayPort),
                Cluster = membership,
                ClusterEndpoints = (address, parse.GetValue(siloPort), parse.GetValue(gatewayPort) ?? 30000),
                ArtifactRoot = parse.GetValue(artifacts)?.FullName,
                DemoSweepFiles = [.. demoFiles.Select(f => f.FullName)],
                ExamplesDirectory = examplesDirectory,
                AllowedHosts = AllowedHosts.Parse(parse.GetValue(allowedHosts)),
                Programs = programs,
            };

            // Embedded mode owns its SQLite folder; cluster coordinators share PostgreSQL and may share a folder.
            var refusal = string.Empty;
            using var folderLock = membership is null ? DataFolderLock.TryAcquire(settings.DataDirectory, out refusal) : null;
            if (membership is null && folderLock is null)
            {
                await Console.Error.WriteLineAsync($"aesweep: {refusal}");
                return 1;
            }

            if (settings.Urls.Select(PortInUse).FirstOrDefault(m => m is not null) is { } inUse)
            {
                await Console.Error.WriteLineAsync($"aesweep: --urls: {inUse}");
                return 1;
            }

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
                try
                {
                    await AeSweepWebServer.StartAsync(app, cancellationToken);
                }
                catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
                {
                    await Console.Error.WriteLineAsync($"aesweep: --urls: {ex.Message} (another aesweep serve may be running; pick another port with --urls)");
                    return 1;
                }
                catch (Storage.UnusableDatabaseException ex)
                {
                    await Console.Error.WriteLineAsync($"aesweep: {ex.Message}");
                    return 1;
                }
                catch (WebServerConfigurationException ex)
                {
                    await Console.Error.WriteLineAsync($"aesweep: {ex.Message}");
                    return ValidateCommand.Invalid;
                }

                await Console.Error.WriteLineAsync(Banner(app, settings));
                await app.WaitForShutdownAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Where to point the browser, set apart from the logs. Without an admin password the address carries the
    /// loopback token (as Jupyter's does): opening it logs the browser in.
    /// </summary>
    private static string Banner(Microsoft.AspNetCore.Builder.WebApplication app, WebServerSettings settings)
    {
        var addresses = AeSweepWebServer.ListenAddresses(app);
        var login = app.Services.GetRequiredService<Credentials>().LoginRequired;
        var token = app.Services.GetRequiredService<DashboardToken>();
        var open = addresses.Select(a => login ? a : token.UrlFor(a));
        var how = login
            ? "Open (log in as the admin):"
            : $"Open this address; it carries the access token (kept in {Path.Combine(settings.DataDirectory, DashboardToken.FileName)}):";
        var nl = Environment.NewLine;
        return $"{nl}AeSweep dashboard (data: {settings.DataDirectory}; API key: {Path.Combine(settings.DataDirectory, "api-key")} unless AESWEEP_API_KEY is set){nl}"
            + $"{how}{nl}{nl}    {string.Join(nl + "    ", open)}{nl}";
    }

    /// <summary>
    /// Says so when a URL's port is already taken, before the silo and worker start: Kestrel finds out only after
    /// they are up, and the shutdown that follows buries its one-line reason under pages of logs.
    /// </summary>
    private static string? PortInUse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var address = uri.Host is "localhost" ? System.Net.IPAddress.Loopback
            : System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : uri.Host is "0.0.0.0" or "*" or "+" ? System.Net.IPAddress.Any : null;
        if (address is null)
        {
            return null;
        }

        try
        {
            var listener = new System.Net.Sockets.TcpListener(address, uri.Port);
            listener.Start();
            listener.Stop();
            return null;
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            return $"{url}: port {uri.Port} is already in use (another aesweep serve may be running); choose another with --urls";
        }
    }
}
