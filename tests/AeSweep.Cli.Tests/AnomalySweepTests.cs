using System.Diagnostics;
using System.Text.Json;

namespace AeSweep.Cli.Tests;

/// <summary>
/// Anomaly detection end to end on real data: <c>aesweep run --json</c> on examples/fashion-anomaly.yaml trains on nine
/// Fashion-MNIST classes (sandals held out) and ranks trials by val_auroc, the reconstruction error's AUROC.
/// </summary>
public sealed class AnomalySweepTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-anomaly-").FullName;

    [Fact]
    public void A_fashion_mnist_sweep_with_sandals_held_out_finds_them_by_reconstruction_error()
    {
        var started = Stopwatch.GetTimestamp();
        var (code, stdout, stderr) = ValidateCommandTests.Run("run", Path.Combine(ValidateCommandTests.FindRoot(), "examples", "fashion-anomaly.yaml"), "--json", "--data", _data);

        Assert.True(code == 0, stderr);
        using var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.Equal(3, root.GetProperty("counts").GetProperty("completed").GetInt32());
        var best = root.GetProperty("best");
        var metrics = best.GetProperty("metrics");
        var auroc = metrics.GetProperty("val_auroc").GetDouble();
        // Recorded in docs/evaluation.md ("Anomaly detection").
        Console.WriteLine($"fashion-anomaly: best val_auroc {auroc:F3}, val_auprc {metrics.GetProperty("val_auprc").GetDouble():F3}, " +
            $"test_auroc {metrics.GetProperty("test_auroc").GetDouble():F3}, test_auprc {metrics.GetProperty("test_auprc").GetDouble():F3}, " +
            $"{Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
        Assert.True(auroc >= 0.8, $"best val_auroc {auroc}");
        // Chance is 0.5 for AUROC and the anomalies' share (about 0.1) for AUPRC; the test set agrees with validation.
        Assert.InRange(metrics.GetProperty("val_auprc").GetDouble(), 0.2, 1);
        Assert.InRange(metrics.GetProperty("test_auroc").GetDouble(), 0.75, 1);
        var artifacts = best.GetProperty("artifacts");
        Assert.True(artifacts.TryGetProperty("anomaly_scores", out _), artifacts.ToString());
        Assert.True(artifacts.TryGetProperty("anomaly_gallery", out _), artifacts.ToString());
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
