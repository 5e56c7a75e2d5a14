using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>aesweep serve</c> on a real, small tmpfs data folder that is then filled up: writes answer 503 "the data
/// folder's disk is full", /ready is unhealthy, the log says so once (not once per request or probe), and it all
/// works again as soon as space is freed, without a restart.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IDisposable
{
    private const int ProgramTrials = 8;
    private const string AskTell = """
        name: disk-full
        program: {ask_tell: true}
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
        budget: {max_trials: 3, max_parallel: 1}
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-disk-full-").FullName;
    private readonly string _scripts = Directory.CreateTempSubdirectory("aesweep-disk-full-trainer-").FullName;
    private Process? _server;

    [TmpfsFact]
    public async Task A_full_data_folder_answers_503_reports_unready_logs_once_and_recovers_when_space_returns()
    {
        Assert.Null(TmpfsFactAttribute.Mount(_data, 6 * 1024 * 1024));
        var url = $"http://127.0.0.1:{FreePort()}";
        var log = StartServe(url, "--slots", "0");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", File.ReadAllText(Path.Combine(_data, "api-key")).Trim());
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(http)).StatusCode);

        var filler = Path.Combine(_data, "filler");
        FillDisk(filler);
        for (var i = 0; i < 4; i++)
        {
            var refused = await SubmitAsync(http);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("\"title\":\"the data folder's disk is full\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/ready")).StatusCode);
        }

        File.Delete(filler);
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ready")).StatusCode);
        string[] lines;
        lock (log)
        {
            lines = log.ToString().Split('\n');
        }

        Assert.Single(lines, l => l.Contains("disk is full", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [TmpfsFact]
    public async Task A_sweep_running_trials_while_the_disk_fills_logs_it_once_a_minute_and_finishes_every_trial_once_space_returns()
    {
        Assert.Null(TmpfsFactAttribute.Mount(_data, 6 * 1024 * 1024));
        var trainer = Path.Combine(_scripts, "train.sh");
        // A few seconds per trial, reporting every step, so trials are mid-run whenever the disk fills.
        File.WriteAllText(trainer, """
            i=1
            while [ $i -le 8 ]; do
              echo "{\"step\": $i, \"loss\": 0.$i}"
              sleep 0.4
              i=$((i+1))
            done
            echo '{"loss": 0.5}'
            """);
        var url = $"http://127.0.0.1:{FreePort()}";
        var log = StartServe(url, "--slots", "2", "--allow-programs");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", File.ReadAllText(Path.Combine(_data, "api-key")).Trim());
        var submitted = await http.PostAsync("/api/sweeps", new StringContent($$"""
            name: disk-full-running
            program: [sh, {{trainer}}]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: {{ProgramTrials}}, max_parallel: 2}
            seed: 3
            """, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var sweepId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").ToString();
        await Until(async () => (await CountsAsync(http, sweepId)).GetValueOrDefault("running") > 0, TimeSpan.FromSeconds(90), "no trial started running");

        var filler = Path.Combine(_data, "filler");
        FillDisk(filler);
        var fullSince = Stopwatch.StartNew();
        // (SQLite may still fit one write in space its files already hold; the next cannot.)
        await Until(async () => (await SubmitAsync(http)).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "submitting did not answer 503 while the disk was full");
        // Full for long enough that heartbeats, step reports, lease checks and the coordinator's fill loop all meet it.
        while (fullSince.Elapsed < TimeSpan.FromSeconds(12))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/ready")).StatusCode);
            await Task.Delay(250);
        }

        File.Delete(filler);
        var fullFor = fullSince.Elapsed;
        await Until(async () => (await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "/ready stayed unhealthy after space was freed");
        await Until(async () => await SweepStateAsync(http, sweepId) is not ("running" or "pending"), TimeSpan.FromMinutes(3), "the sweep did not finish after space was freed");
        var counts = await CountsAsync(http, sweepId);
        string[] lines;
        lock (log)
        {
            lines = log.ToString().Split('\n');
        }

        var diskFullLines = lines.Where(l => l.Contains("disk is full", StringComparison.OrdinalIgnoreCase)).ToArray();
        output.WriteLine($"full for {fullFor.TotalSeconds:F0} s, sweep ended {fullSince.Elapsed.TotalSeconds:F0} s after filling; {diskFullLines.Length} disk-full line(s); counts {string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"))}");
        foreach (var line in lines.Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("warn:", StringComparison.Ordinal)))
        {
            output.WriteLine(line);
        }

        Assert.Equal("completed", await SweepStateAsync(http, sweepId));
        Assert.Equal(0, counts.GetValueOrDefault("running") + counts.GetValueOrDefault("pending"));
        Assert.Equal(ProgramTrials, counts.Values.Sum());
        Assert.InRange(diskFullLines.Length, 1, 1 + (int)fullSince.Elapsed.TotalMinutes);
        Assert.DoesNotContain(lines, HoldsStackTrace);
    }

    /// <summary>A stack on lines of its own, or folded into one line by the single-line console format.</summary>
    private static bool HoldsStackTrace(string line) =>
        line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains("    at ", StringComparison.Ordinal) || line.Contains("--- End of", StringComparison.Ordinal);

    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient http, string sweepId)
    {
        using var sweep = JsonDocument.Parse(await http.GetStringAsync($"/api/sweeps/{sweepId}"));
        return sweep.RootElement.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    private static async Task<string?> SweepStateAsync(HttpClient http, string sweepId)
    {
        using var sweep = JsonDocument.Parse(await http.GetStringAsync($"/api/sweeps/{sweepId}"));
        return sweep.RootElement.GetProperty("sweep").GetProperty("state").GetString();
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan patience, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < patience, failure);
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
        TmpfsFactAttribute.Unmount(_data);
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_scripts, recursive: true);
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient http) =>
        http.PostAsync("/api/sweeps", new StringContent(AskTell, Encoding.UTF8, "application/yaml"));

    /// <summary>Writes until the file system says ENOSPC.</summary>
    private static void FillDisk(string path)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(block);
                file.Flush();
            }
        }
        catch (IOException ex) when (ex.HResult == 28)
        {
            // Full; what did fit stays.
        }

        try
        {
            file.Dispose();
        }
        catch (IOException)
        {
            // The buffered remainder cannot be written either.
        }
    }

    private StringBuilder StartServe(string url, params string[] serveArgs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ValidateCommandTests.CliAssembly, "serve", "--urls", url, "--data", _data })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in serveArgs)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("AESWEEP_API_KEY");
        var log = new StringBuilder();
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            lock (log)
            {
                if (log.ToString().Contains("AeSweep dashboard (data:", StringComparison.Ordinal))
                {
                    return log;
                }

                Assert.False(_server.HasExited || waited.Elapsed > TimeSpan.FromSeconds(120), $"aesweep serve did not start:\n{log}");
            }

            Thread.Sleep(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
