using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>aesweep worker --gateway</c> joining an embedded <c>aesweep run --slots 0</c> as a real process, with the hidden
/// no-op runner the dispatch benchmark uses: every trial completes with the fixed metric and the program never runs.
/// </summary>
public sealed class WorkerCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-worker-").FullName;

    [Fact]
    public void A_noop_worker_joins_the_embedded_coordinator_through_its_gateway_and_completes_every_trial()
    {
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(sweepFile, """
            name: noop-worker
            program: [/nonexistent/trainer]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
            budget: {max_trials: 20, max_parallel: 2}
            seed: 5
            """);
        var port = FreePort();
        using var worker = StartWorker("--gateway", $"127.0.0.1:{port}", "--runner", "noop", "--id", "noop-1", "--data", _data);
        try
        {
            var (code, stdout, stderr) = ValidateCommandTests.Run("run", sweepFile, "--slots", "0", "--gateway-port", port.ToString(), "--data", _data, "--json");

            Assert.True(code == 0, stderr);
            using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            var counts = result.RootElement.GetProperty("counts");
            Assert.Equal(20, counts.GetProperty("completed").GetInt32());
            Assert.Equal(0, counts.GetProperty("failed").GetInt32());
            Assert.Equal(1.0, result.RootElement.GetProperty("best").GetProperty("metrics").GetProperty("loss").GetDouble());
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void An_unknown_runner_is_refused()
    {
        var (code, _, stderr) = ValidateCommandTests.Run("worker", "--gateway", "127.0.0.1:1", "--runner", "fast");

        Assert.NotEqual(0, code);
        Assert.Contains("fast", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("0.99")]
    public void A_gpu_memory_fraction_outside_five_to_ninety_five_percent_is_refused(string fraction)
    {
        var (code, _, stderr) = ValidateCommandTests.Run("worker", "--gateway", "127.0.0.1:1", "--device", "cuda:0", "--gpu-memory-fraction", fraction);

        Assert.NotEqual(0, code);
        Assert.Contains("--gpu-memory-fraction must be within 0.05 and 0.95", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static Process StartWorker(params string[] args)
    {
        // Output is discarded, not piped: a worker logs every trial and nobody reads it here.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$@\" >/dev/null 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(ValidateCommandTests.CliAssembly);
        start.ArgumentList.Add("worker");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
