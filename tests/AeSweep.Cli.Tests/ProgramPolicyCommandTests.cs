using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// A worker runs a program: sweep only when its own operator allowed it (--allow-programs, --allow-program): a refused
/// trial fails with a reason naming the options and the program never starts; submit --postgres, which bypasses every
/// server, refuses too. Real processes: `aesweep run --slots 0` as the coordinator, `aesweep worker --gateway`.
/// </summary>
public sealed class ProgramPolicyCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-program-policy-").FullName;

    [Theory]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    [InlineData(false)]
    [InlineData(true)]
    public void A_worker_starts_a_program_only_when_its_own_options_allow_it(bool allowed)
    {
        var marker = Path.Combine(_data, "started");
        var trainer = Path.Combine(_data, "trainer.sh");
        File.WriteAllText(trainer, $"#!/bin/sh\ntouch '{marker}'\necho '{{\"loss\": 0.5}}'\n");
        File.SetUnixFileMode(trainer, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(sweepFile, $"""
            name: worker-policy
            program: [sh, {trainer}]
            method: random
            metric: {"{"}name: loss, goal: minimize{"}"}
            parameters:
              x: {"{"}min: 0.0, max: 1.0{"}"}
            budget: {"{"}max_trials: 1{"}"}
            seed: 1
            """);
        var port = ServeSecurityTests.FreePort();
        var workerLog = new StringBuilder();
        string[] allow = allowed ? ["--allow-program", "sh"] : [];
        using var worker = ServeSecurityTests.Start(new Dictionary<string, string?>(), workerLog, ["worker", "--gateway", $"127.0.0.1:{port}", "--data", _data, "--id", "policy-1", .. allow]);
        try
        {
            var (code, stdout, stderr) = ValidateCommandTests.Run("run", sweepFile, "--slots", "0", "--gateway-port", port.ToString(), "--data", _data, "--json");

            Assert.True(code == 0, stderr);
            using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            var counts = result.RootElement.GetProperty("counts");
            Assert.Equal(allowed ? 1 : 0, counts.GetProperty("completed").GetInt32());
            Assert.Equal(allowed ? 0 : 1, counts.GetProperty("failed").GetInt32());
            Assert.Equal(allowed, File.Exists(marker));
            if (!allowed)
            {
                // The worker logs each trial's end with its reason.
                Assert.Contains("--allow-programs", ServeSecurityTests.Read(workerLog), StringComparison.Ordinal);
            }
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit();
        }
    }

    [Fact]
    public void Submit_to_a_cluster_database_refuses_a_program_sweep_before_connecting()
    {
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(sweepFile, """
            name: submit-policy
            program: [python3, train.py]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 2}
            """);

        var (code, _, stderr) = ValidateCommandTests.Run("submit", sweepFile, "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing");

        Assert.Equal(2, code);
        Assert.Contains("--allow-programs", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker", "--gateway", "127.0.0.1:1")]
    [InlineData("coordinator", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing")]
    [InlineData("serve", "--urls", "http://127.0.0.1:1")]
    public void An_allow_program_that_names_no_executable_stops_the_process_at_once(params string[] args)
    {
        var (code, _, stderr) = ValidateCommandTests.Run([.. args, "--data", _data, "--allow-program", "no-such-trainer-anywhere"]);

        Assert.Equal(2, code);
        Assert.Contains("--allow-program no-such-trainer-anywhere", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
