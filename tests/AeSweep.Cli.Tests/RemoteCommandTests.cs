using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AeSweep.Cli.Tests;

/// <summary>
/// The remote verbs against a real <c>aesweep serve</c> (no worker slots; an ask-and-tell sweep, so nothing trains):
/// submit, list, status, export, cancel, and the errors for a wrong key, an unknown id and an unreachable server.
/// </summary>
public sealed class RemoteCommandTests : IDisposable
{
    private const string Sweep = """
        name: remote-verbs
        program: {ask_tell: true}
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
        budget: {max_trials: 5}
        seed: 3
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-remote-").FullName;
    private readonly Process _server;
    private readonly string _url;

    public RemoteCommandTests()
    {
        _url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ValidateCommandTests.CliAssembly, "serve", "--urls", _url, "--data", _data, "--slots", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("AESWEEP_API_KEY");
        _server = Process.Start(start)!;
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (http.GetAsync($"{_url}/health").Result.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (AggregateException) when (waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                Thread.Sleep(250);
            }
        }
    }

    [Fact]
    public async Task Submit_list_status_export_and_cancel_work_against_a_server_with_the_data_folders_key()
    {
        var file = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(file, Sweep);

        var submitted = Cli("submit", file);
        Assert.True(submitted.Code == 0, submitted.Stderr);
        var sweepId = submitted.Stdout.Trim();

        // One trial told through ask-and-tell, so list has progress and a best trial to show.
        using (var http = new HttpClient { BaseAddress = new Uri(_url) })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", (await File.ReadAllTextAsync(Path.Combine(_data, "api-key"))).Trim());
            using var ask = await http.PostAsync($"/api/sweeps/{sweepId}/ask", null);
            using var asked = System.Text.Json.JsonDocument.Parse(await ask.Content.ReadAsStringAsync());
            var trialId = asked.RootElement.GetProperty("trial_id").GetString();
            using var told = await http.PostAsync($"/api/trials/{trialId}/tell", new StringContent("""{"value": 0.25}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(told.IsSuccessStatusCode, await told.Content.ReadAsStringAsync());
        }

        var list = Cli("list");
        Assert.Equal(0, list.Code);
        Assert.Contains(sweepId, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("remote-verbs", list.Stdout, StringComparison.Ordinal);
        var row = list.Stdout.Split('\n').Single(l => l.StartsWith(sweepId, StringComparison.Ordinal));
        Assert.Contains(" 1/5 ", row, StringComparison.Ordinal);
        Assert.Contains("loss 0.25 (#", row, StringComparison.Ordinal);

        var status = Cli("status", sweepId);
        Assert.Equal(0, status.Code);
        Assert.Contains($"sweep {sweepId} (remote-verbs)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("sampler: random", status.Stdout, StringComparison.Ordinal);

        var export = Cli("export", sweepId, "--format", "csv");
        Assert.Equal(0, export.Code);
        Assert.StartsWith("trial_id,number,state", export.Stdout, StringComparison.Ordinal);

        var cancel = Cli("cancel", sweepId);
        Assert.True(cancel.Code == 0, cancel.Stderr);
        Assert.Contains("cancelled", Cli("status", sweepId).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_key_unknown_sweep_unreachable_server_taken_port_and_invalid_file_each_say_what_is_wrong()
    {
        var wrongKey = Cli("list", "--api-key", "not-the-key-of-this-server");
        Assert.Equal(1, wrongKey.Code);
        Assert.Contains("refused the API key (401)", wrongKey.Stderr, StringComparison.Ordinal);

        var unknown = Cli("status", "no-such-sweep");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("'no-such-sweep' was not found", unknown.Stderr, StringComparison.Ordinal);

        var unreachable = ValidateCommandTests.Run("list", "--server", $"http://127.0.0.1:{FreePort()}", "--api-key", "k");
        Assert.Equal(1, unreachable.Code);
        Assert.Contains("cannot reach", unreachable.Stderr, StringComparison.Ordinal);

        var portTaken = ValidateCommandTests.Run("serve", "--urls", _url, "--data", Path.Combine(_data, "second"), "--slots", "0");
        Assert.Equal(1, portTaken.Code);
        Assert.StartsWith($"aesweep: --urls: {_url}: port {new Uri(_url).Port} is already in use", portTaken.Stderr, StringComparison.Ordinal);

        var file = Path.Combine(_data, "bad.yaml");
        File.WriteAllText(file, "name: bad\nmethod: grid\n");
        var invalid = Cli("submit", file);
        Assert.Equal(2, invalid.Code);
        Assert.Contains("model (line 1): required", invalid.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void List_and_status_escape_the_control_characters_of_a_stored_sweep_name()
    {
        // "\e]0;...\a" retitles the window and "\e[2J" clears the screen on a real terminal.
        var file = Path.Combine(_data, "hostile.yaml");
        File.WriteAllText(file, Sweep.Replace("name: remote-verbs", "name: \"evil\\e]0;pwned\\a\\e[2J\\x9b31m\"", StringComparison.Ordinal));
        var submitted = Cli("submit", file);
        Assert.True(submitted.Code == 0, submitted.Stderr);
        var sweepId = submitted.Stdout.Trim();

        var list = Cli("list");
        var status = Cli("status", sweepId);

        Assert.Equal(0, list.Code);
        Assert.Equal(0, status.Code);
        foreach (var output in new[] { list.Stdout, status.Stdout })
        {
            Assert.DoesNotContain('\u001b', output);
            Assert.DoesNotContain('\u0007', output);
            Assert.DoesNotContain('\u009b', output);
            Assert.Contains("evil\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m", output, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        _server.Kill(entireProcessTree: true);
        _server.WaitForExit(5000);
        _server.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private (int Code, string Stdout, string Stderr) Cli(params string[] args) =>
        ValidateCommandTests.Run([.. args, "--server", _url, "--data", _data]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
