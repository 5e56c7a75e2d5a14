using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// `aesweep run` caps built-in training at one trial per core, but a program: sweep's trials run max_parallel at a
/// time: an external trainer may wait on a GPU or a service, not on this machine's cores. Real processes: four shell
/// trainers that meet at a barrier, which only four trials running at once can pass quickly.
/// </summary>
public sealed class ProgramParallelismTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-program-parallel-").FullName;

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_program_sweep_runs_max_parallel_trials_at_once_whatever_the_core_count()
    {
        var started = Directory.CreateDirectory(Path.Combine(_data, "started")).FullName;
        var trainer = Path.Combine(_data, "trainer.sh");
        // Each trial waits (at most 20 s) until four trials have started, then reports how many it saw; minimising makes
        // the best trial the one that saw the fewest, so two at a time would show as 2.
        File.WriteAllText(trainer, $$"""
            #!/bin/sh
            touch '{{started}}'/$$
            i=0
            while [ "$(ls '{{started}}' | wc -l)" -lt 4 ] && [ $i -lt 80 ]; do sleep 0.25; i=$((i + 1)); done
            echo "{\"together\": $(ls '{{started}}' | wc -l)}"
            """);
        File.SetUnixFileMode(trainer, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sweepFile = Path.Combine(_data, "sweep.yaml");
        File.WriteAllText(sweepFile, $$"""
            name: program-parallel
            program: [sh, {{trainer}}]
            method: random
            metric: {name: together, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 4, max_parallel: 4}
            seed: 1
            """);

        var (code, stdout, stderr) = ValidateCommandTests.Run("run", sweepFile, "--data", Path.Combine(_data, "data"), "--json");

        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        Assert.Equal(4, result.RootElement.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Equal(4, result.RootElement.GetProperty("best").GetProperty("metrics").GetProperty("together").GetDouble());
        Assert.DoesNotContain("core cap", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
