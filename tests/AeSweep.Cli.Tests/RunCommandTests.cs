using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>aesweep run --json</c> on the real executable: an embedded silo, a local worker and SQLite run a whole
/// program sweep (the example's tiny Python trainer), and every suggested trial ends in a final state.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-run-").FullName;

    [Fact]
    public void Program_sweep_runs_to_the_end_and_reports_counts_and_the_best_trial_as_json()
    {
        var (code, stdout, stderr) = ValidateCommandTests.Run("run", Path.Combine(ValidateCommandTests.FindRoot(), "examples", "program-sweep.yaml"), "--json", "--data", _data);

        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Equal("completed", root.GetProperty("state").GetString());
        var counts = root.GetProperty("counts");
        var total = counts.EnumerateObject().Sum(c => c.Value.GetInt32());
        Assert.Equal(20, total);
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.True(counts.GetProperty("completed").GetInt32() > 0);
        var best = root.GetProperty("best");
        Assert.StartsWith(root.GetProperty("sweep_id").GetString()!, best.GetProperty("trial_id").GetString(), StringComparison.Ordinal);
        Assert.True(best.GetProperty("metrics").GetProperty("loss").GetDouble() < 10);
        Assert.Equal(JsonValueKind.Object, best.GetProperty("artifacts").ValueKind);
        Assert.True(File.Exists(Path.Combine(_data, "aesweep.db")));
        Assert.Contains("20/20 trials done", stderr, StringComparison.Ordinal);
        Assert.Contains("sampler: auto: quasi-random start (6 trials), then gp (2 numeric parameters, 1 categorical, max_trials 20)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_sweep_file_is_refused_before_anything_starts()
    {
        var file = Path.Combine(_data, "bad.yaml");
        File.WriteAllText(file, "dataset: fashion-mnist\nmodel: dense\nmethod: tpe\nparameters: {epochs: {value: 0}}\nbudget: {max_trials: 1}\n");

        var (code, stdout, stderr) = ValidateCommandTests.Run("run", file, "--json", "--data", _data);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("parameters.epochs.value (line 4)", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "aesweep.db")));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
