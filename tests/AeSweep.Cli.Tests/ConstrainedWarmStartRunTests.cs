using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>constraints:</c> and <c>warm_start:</c> through the real executable: a constrained <c>aesweep run</c> on small
/// synthetic data stores only trials that satisfy the rules; a second sweep warm-started from it says how many trials it
/// imported, keeps them out of its own counts, and shows them in its detail (<c>GET /api/sweeps/{id}</c>); a warm start
/// from a sweep that does not exist is refused with its field path.
/// </summary>
public sealed class ConstrainedWarmStartRunTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-constrained-").FullName;

    private const string Constrained = """
        name: constrained
        dataset: {name: synthetic, limit: 300}
        model: dense
        method: random
        metric: {name: val_mse, goal: minimize}
        parameters:
          code_size: {values: [2, 4, 8]}
          depth:     {min: 1, max: 3}
          width:     {values: [8, 16, 32, 64]}
          epochs:    {value: 1}
          batch_size: {value: 64}
        constraints: ["depth * width <= 64", "code_size < width"]
        budget: {max_trials: 6, max_parallel: 2}
        seed: 11
        """;

    [Fact]
    public void A_constrained_run_stores_only_feasible_trials_and_a_warm_started_run_imports_them()
    {
        var first = Write("constrained.yaml", Constrained);
        var (code, stdout, stderr) = ValidateCommandTests.Run("run", first, "--json", "--data", _data);
        Assert.True(code == 0, stderr);
        var firstId = LastJson(stdout).GetProperty("sweep_id").GetString()!;

        var second = Write("warm.yaml", Constrained
            .Replace("name: constrained", "name: warm", StringComparison.Ordinal)
            .Replace("method: random", "method: tpe", StringComparison.Ordinal)
            .Replace("max_trials: 6", "max_trials: 2", StringComparison.Ordinal)
            + $"\nwarm_start: {{from_sweeps: [{firstId}]}}\n");
        (code, stdout, stderr) = ValidateCommandTests.Run("run", second, "--json", "--data", _data);
        Assert.True(code == 0, stderr);
        var warm = LastJson(stdout);
        var warmId = warm.GetProperty("sweep_id").GetString()!;
        // The imported trials are not this sweep's: its counts hold its own two trials only.
        Assert.Equal(2, warm.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));
        Assert.Contains($"warm start: 6 trials imported from {firstId}", stderr, StringComparison.Ordinal);

        var missing = Write("missing.yaml", Constrained + "\nwarm_start: {from_sweeps: [no-such-sweep]}\n");
        (code, _, stderr) = ValidateCommandTests.Run("run", missing, "--data", _data);
        Assert.NotEqual(0, code);
        Assert.Contains("warm_start.from_sweeps[0]", stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-sweep", stderr, StringComparison.Ordinal);

        // The stored trials and the warm-started sweep's detail, read through a server on the same data folder.
        var url = $"http://127.0.0.1:{ServeSecurityTests.FreePort()}";
        var serveLog = new System.Text.StringBuilder();
        using var serve = ServeSecurityTests.Start(new Dictionary<string, string?> { ["AESWEEP_API_KEY"] = null }, serveLog, "serve", "--urls", url, "--data", _data, "--slots", "0");
        try
        {
            var (exportCode, exported, exportErrors) = (1, string.Empty, string.Empty);
            for (var attempt = 0; attempt < 120 && exportCode != 0; attempt++)
            {
                Thread.Sleep(500);
                (exportCode, exported, exportErrors) = ValidateCommandTests.Run("export", firstId, "--format", "json", "--server", url, "--data", _data);
            }

            Assert.True(exportCode == 0, exportErrors + "\n" + ServeSecurityTests.Read(serveLog));
            using var export = JsonDocument.Parse(exported);
            var trials = export.RootElement.GetProperty("trials").EnumerateArray().ToList();
            Assert.Equal(6, trials.Count);
            foreach (var trial in trials)
            {
                var p = trial.GetProperty("parameters");
                Assert.True(p.GetProperty("depth").GetInt64() * p.GetProperty("width").GetInt64() <= 64, trial.ToString());
                Assert.True(p.GetProperty("code_size").GetInt64() < p.GetProperty("width").GetInt64(), trial.ToString());
            }

            // aesweep status --json prints GET /api/sweeps/{id} as the API answers it.
            var (statusCode, status, statusErrors) = ValidateCommandTests.Run("status", warmId, "--json", "--server", url, "--data", _data);
            Assert.True(statusCode == 0, statusErrors);
            using var detail = JsonDocument.Parse(status);
            var warmStart = detail.RootElement.GetProperty("warm_start");
            Assert.Equal(6, warmStart.GetProperty("imported_trials").GetInt32());
            Assert.Equal(0, warmStart.GetProperty("skipped").GetInt32());
            Assert.Equal(firstId, warmStart.GetProperty("from_sweeps")[0].GetString());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement LastJson(string stdout) => JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its database; the temp folder is cleaned up later.
        }
    }
}
