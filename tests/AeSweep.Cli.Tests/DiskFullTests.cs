using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>aesweep serve</c> on a real, small tmpfs data folder that is then filled up: writes answer 503 "the data
/// folder's disk is full", /ready is unhealthy, the log says so once (not once per request or probe), and it all
/// works again as soon as space is freed, without a restart.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
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
    private Process? _server;

    [TmpfsFact]
    public async Task A_full_data_folder_answers_503_reports_unready_logs_once_and_recovers_when_space_returns()
    {
        Assert.Null(TmpfsFactAttribute.Mount(_data, 6 * 1024 * 1024));
        var url = $"http://127.0.0.1:{FreePort()}";
        var log = StartServe(url);
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

    private StringBuilder StartServe(string url)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ValidateCommandTests.CliAssembly, "serve", "--urls", url, "--data", _data, "--slots", "0" })
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
