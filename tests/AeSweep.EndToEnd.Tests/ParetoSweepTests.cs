using System.Text.Json;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.EndToEnd.Tests;

/// <summary>
/// A multi-objective sweep end to end: the rate–distortion example (val_mse and code_size) trains real dense
/// autoencoders on Fashion-MNIST through <c>aesweep run --json</c>, whose <c>pareto</c> must be exactly the completed
/// trials no other completed trial dominates (checked here against every stored trial), ordered by val_mse.
/// </summary>
public sealed class ParetoSweepTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-pareto-").FullName;

    [Fact]
    public async Task The_pareto_front_of_a_code_size_sweep_is_non_dominated_and_complete()
    {
        JsonElement summary;
        using (var run = new AesweepProcess("run", Path.Combine(AesweepProcess.Root, "examples", "fashion-rate-distortion.yaml"), "--json", "--data", _data))
        {
            Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(600)), "the sweep did not end:\n" + run.Stderr);
            Assert.True(run.ExitCode == 0, $"run exited with {run.ExitCode}:\n{run.Stderr}");
            Assert.Contains("multi-objective TPE over 2 objectives", run.Stderr, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]);
            summary = document.RootElement.Clone();
        }

        var trials = await StoredTrialsAsync();
        var completed = trials.Where(t => t.State == TrialState.Completed).ToList();
        Assert.True(completed.Count >= 8, $"{completed.Count} of {trials.Count} trials completed");
        Assert.All(completed, t =>
        {
            var metrics = t.FinalMetrics!;
            Assert.Equal(t.Parameters["code_size"].AsDouble(), metrics["code_size"]);
            Assert.True(metrics["parameter_count"] > 0 && metrics["train_seconds"] > 0);
        });

        static (double Mse, double Code) Objectives(IReadOnlyDictionary<string, double> m) => (m["val_mse"], m["code_size"]);
        static bool Dominates((double Mse, double Code) a, (double Mse, double Code) b) =>
            a.Mse <= b.Mse && a.Code <= b.Code && (a.Mse < b.Mse || a.Code < b.Code);
        var expected = completed
            .Where(t => !completed.Any(o => Dominates(Objectives(o.FinalMetrics!), Objectives(t.FinalMetrics!))))
            .OrderBy(t => t.FinalMetrics!["val_mse"]).ThenBy(t => t.Number)
            .Select(t => t.Id)
            .ToList();

        var pareto = summary.GetProperty("pareto").EnumerateArray().ToList();
        Assert.Equal(expected, pareto.Select(p => p.GetProperty("trial_id").GetString()));
        Assert.True(pareto.Count >= 2, "a code-size sweep trades size against error: its front has more than one trial");
        foreach (var trial in pareto)
        {
            var stored = completed.Single(t => t.Id == trial.GetProperty("trial_id").GetString());
            Assert.Equal(stored.FinalMetrics!["val_mse"], trial.GetProperty("metrics").GetProperty("val_mse").GetDouble());
            Assert.Equal(stored.Parameters["code_size"].AsDouble(), trial.GetProperty("parameters").GetProperty("code_size").GetDouble());
        }

        // "best" is the front's first: the trial with the lowest val_mse.
        Assert.Equal(expected[0], summary.GetProperty("best").GetProperty("trial_id").GetString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A process that just exited may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private async Task<IReadOnlyList<TrialSnapshot>> StoredTrialsAsync()
    {
        using var services = new ServiceCollection()
            .AddAeSweepStorage(StorageProvider.Sqlite, SweepDbContextFactory.SqliteConnectionStringFor(Path.Combine(_data, "aesweep.db")))
            .BuildServiceProvider();
        var store = services.GetRequiredService<ISweepReadModel>();
        var stored = (await store.ListSweepsAsync(0, 10, CancellationToken.None)).Items.Single();
        return (await store.ListTrialsAsync(stored.Id, new TrialQuery(Limit: 1000), CancellationToken.None)).Items;
    }
}
