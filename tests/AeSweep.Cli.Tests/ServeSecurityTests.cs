using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>aesweep serve</c> as a real process: it prints the address that carries the loopback token (what demo.sh shows),
/// and it refuses a non-loopback Kestrel endpoint given through the environment as it refuses one given with --urls.
/// </summary>
public sealed class ServeSecurityTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-serve-security-").FullName;

    [Fact]
    public async Task Serve_prints_the_dashboard_address_with_the_token_kept_in_the_data_folder()
    {
        var port = FreePort();
        var stderr = new StringBuilder();
        using var server = Start(new Dictionary<string, string?> { ["AESWEEP_ADMIN_PASSWORD"] = null }, stderr, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", _data, "--slots", "0");
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!Read(stderr).Contains("?token=", StringComparison.Ordinal) && deadline.Elapsed < TimeSpan.FromSeconds(120) && !server.HasExited)
            {
                await Task.Delay(100);
            }

            var token = (await File.ReadAllTextAsync(Path.Combine(_data, "dashboard-token"))).Trim();
            var url = $"http://127.0.0.1:{port}/?token={Uri.EscapeDataString(token)}";
            Assert.Contains(url, Read(stderr), StringComparison.Ordinal);

            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
            var exchanged = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, exchanged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"http://127.0.0.1:{port}/")).StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("Kestrel__Endpoints__x__Url", "http://0.0.0.0:{port}")]
    [InlineData("Kestrel__Endpoints__Public__Url", "http://[::]:{port}")]
    public async Task A_kestrel_endpoint_from_the_environment_beyond_loopback_is_refused_without_credentials(string variable, string value)
    {
        var port = FreePort();
        var url = value.Replace("{port}", port.ToString(), StringComparison.Ordinal);
        var stderr = new StringBuilder();
        using var server = Start(new Dictionary<string, string?> { [variable] = url, ["AESWEEP_ADMIN_PASSWORD"] = null, ["AESWEEP_API_KEY"] = null }, stderr, "serve", "--data", _data, "--slots", "0", "--urls", $"http://127.0.0.1:{FreePort()}");

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await server.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, server.ExitCode);
            Assert.Contains($"refusing to listen on {url}", Read(stderr), StringComparison.Ordinal);
        }
        finally
        {
            // Were the guard broken, this serve would go on listening beyond loopback after the test.
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>Starts the CLI; its stderr and stdout lines both go to <paramref name="stderr"/>.</summary>
    internal static Process Start(IReadOnlyDictionary<string, string?> environment, StringBuilder stderr, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ValidateCommandTests.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    internal static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
