using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>finalize: {top_k: 2, seeds: 2}</c> through the real executable: <c>aesweep run --json</c> trains a small
/// Fashion-MNIST search, retrains the two best configurations with two new seeds each, and prints the finalists,
/// whose mean and std must be those of the stored metrics of their runs (read back with <c>aesweep export</c>).
/// </summary>
public sealed class FinalistRunTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-finalists-").FullName;

    [Fact]
    public void Finalists_are_retrained_with_new_seeds_and_report_the_sample_std_of_their_stored_runs()
    {
        var example = Path.Combine(ValidateCommandTests.FindRoot(), "examples", "fashion-finalists.yaml");

        var (code, stdout, stderr) = ValidateCommandTests.Run("run", example, "--json", "--data", _data);

        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Equal("completed", root.GetProperty("state").GetString());
        // 4 search trials (budget.max_trials) + 2 finalists × 2 seeds, which do not count against max_trials.
        Assert.Equal(8, root.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));

        // The stored trials, read back through a server on the same data folder (export is a remote verb).
        var url = $"http://127.0.0.1:{ServeSecurityTests.FreePort()}";
        var serveLog = new System.Text.StringBuilder();
        string exported;
        using (var serve = ServeSecurityTests.Start(new Dictionary<string, string?> { ["AESWEEP_API_KEY"] = null }, serveLog, "serve", "--urls", url, "--data", _data, "--slots", "0"))
        {
            try
            {
                var (exportCode, output, exportErrors) = (1, string.Empty, string.Empty);
                for (var attempt = 0; attempt < 120 && exportCode != 0; attempt++)
                {
                    Thread.Sleep(500);
                    (exportCode, output, exportErrors) = ValidateCommandTests.Run("export", root.GetProperty("sweep_id").GetString()!, "--format", "json", "--server", url, "--data", _data);
                }

                Assert.True(exportCode == 0, exportErrors + "\n" + ServeSecurityTests.Read(serveLog));
                exported = output;
            }
            finally
            {
                serve.Kill(entireProcessTree: true);
            }
        }

        using var export = JsonDocument.Parse(exported);
        var stored = export.RootElement.GetProperty("trials").EnumerateArray()
            .ToDictionary(t => t.GetProperty("trial_id").GetString()!, t => t.GetProperty("metrics").GetProperty("val_mse").GetDouble());

        var finalists = root.GetProperty("finalists").EnumerateArray().ToList();
        Assert.Equal(2, finalists.Count);
        var seeds = new HashSet<long>();
        double? previousMean = null;
        foreach (var finalist in finalists)
        {
            var runs = finalist.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(3, runs.Count);
            Assert.True(runs[0].GetProperty("original").GetBoolean());
            Assert.Equal(finalist.GetProperty("trial_id").GetString(), runs[0].GetProperty("trial_id").GetString());
            var newRuns = runs.Skip(1).ToList();
            Assert.All(newRuns, r => Assert.Equal("completed", r.GetProperty("state").GetString()));
            foreach (var run in runs)
            {
                Assert.True(seeds.Add(run.GetProperty("seed").GetInt64()), "every run trains with a seed of its own");
            }

            // The finalist runs' val_mse as stored, not as the finalists' view computed them.
            var values = newRuns.Select(r => stored[r.GetProperty("trial_id").GetString()!]).ToList();
            Assert.NotEqual(values[0], values[1]);
            var mean = values.Average();
            var sampleStd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            Assert.Equal(mean, finalist.GetProperty("mean").GetProperty("val_mse").GetDouble(), 12);
            Assert.Equal(sampleStd, finalist.GetProperty("std").GetProperty("val_mse").GetDouble(), 12);
            Assert.True(sampleStd > 0);
            Assert.Equal(2, finalist.GetProperty("completed_runs").GetInt32());

            // Ranked by the mean (val_mse: smaller first).
            Assert.True(previousMean is null || previousMean <= mean);
            previousMean = mean;
        }

        // The two originals are the two best search trials.
        var searchTrials = export.RootElement.GetProperty("trials").EnumerateArray()
            .Where(t => !finalists.SelectMany(f => f.GetProperty("runs").EnumerateArray().Skip(1)).Any(r => r.GetProperty("trial_id").GetString() == t.GetProperty("trial_id").GetString()))
            .OrderBy(t => t.GetProperty("metrics").GetProperty("val_mse").GetDouble())
            .Take(2)
            .Select(t => t.GetProperty("trial_id").GetString())
            .ToHashSet();
        Assert.Equal(searchTrials, finalists.Select(f => f.GetProperty("trial_id").GetString()).ToHashSet());
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
