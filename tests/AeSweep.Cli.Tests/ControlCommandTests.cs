using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AeSweep.Cli.Tests;

/// <summary>
/// The sweep-control verbs against a real <c>aesweep serve</c> (no worker slots, so a program sweep's trials stay
/// pending): pause, resume --server, budget, enqueue, retry and drain, each refusal as one line and exit code 2.
/// </summary>
public sealed class ControlCommandTests : IDisposable
{
    private const string Sweep = """
        name: control-verbs
        program: [python3, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
          kind: {values: [a, b]}
        budget: {max_trials: 6, max_parallel: 2}
        seed: 3
        """;

    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-control-").FullName;
    private readonly Process _server;
    private readonly string _url;

    public ControlCommandTests()
    {
        _url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { ValidateCommandTests.CliAssembly, "serve", "--urls", _url, "--data", _data, "--slots", "0", "--allow-programs" })
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
    public void Pause_resume_budget_enqueue_retry_and_drain_work_and_refusals_are_one_line_with_exit_code_2()
    {
        var file = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(file, Sweep);
        var submitted = Cli("submit", file);
        Assert.True(submitted.Code == 0, submitted.Stderr);
        var sweepId = submitted.Stdout.Trim();

        var pause = Cli("pause", sweepId);
        Assert.True(pause.Code == 0, pause.Stderr);
        Assert.Contains("is paused", pause.Stderr, StringComparison.Ordinal);
        Assert.Contains("paused", Cli("status", sweepId).Stdout, StringComparison.Ordinal);
        var again = Cli("pause", sweepId);
        Assert.Equal(2, again.Code);
        Assert.Contains("only a running sweep can be paused", again.Stderr, StringComparison.Ordinal);
        Assert.Single(again.Stderr.Trim().Split('\n'));

        var resume = Cli("resume", sweepId);
        Assert.True(resume.Code == 0, resume.Stderr);
        Assert.Contains("running again", resume.Stderr, StringComparison.Ordinal);

        var budget = Cli("budget", sweepId, "--max-parallel", "3", "--max-minutes", "60");
        Assert.True(budget.Code == 0, budget.Stderr);
        Assert.Contains("max_parallel 3", budget.Stderr, StringComparison.Ordinal);
        var below = Cli("budget", sweepId, "--max-trials", "1");
        Assert.Equal(2, below.Code);
        Assert.Contains("budget.max_trials: 1 is below the", below.Stderr, StringComparison.Ordinal);

        var enqueue = Cli("enqueue", sweepId, "--param", "x=0.5", "--param", "kind=b");
        Assert.True(enqueue.Code == 0, enqueue.Stderr);
        Assert.StartsWith(sweepId, enqueue.Stdout.Trim(), StringComparison.Ordinal);
        var json = Cli("enqueue", sweepId, "--json", """{"x": 0.25, "kind": "a"}""");
        Assert.True(json.Code == 0, json.Stderr);
        var invalid = Cli("enqueue", sweepId, "--param", "x=7", "--param", "kind=c");
        Assert.Equal(2, invalid.Code);
        Assert.Contains("parameters.x", invalid.Stderr, StringComparison.Ordinal);
        Assert.Contains("parameters.kind", invalid.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Cli("enqueue", sweepId).Code);

        var retry = Cli("retry", enqueue.Stdout.Trim());
        Assert.Equal(2, retry.Code);
        Assert.Contains("only a failed or cancelled trial can be retried", retry.Stderr, StringComparison.Ordinal);

        var drain = Cli("drain", "no-such-worker");
        Assert.Equal(2, drain.Code);
        Assert.Contains("worker 'no-such-worker' was not found", drain.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Cli("drain", "no-such-worker", "--undo").Code);
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
