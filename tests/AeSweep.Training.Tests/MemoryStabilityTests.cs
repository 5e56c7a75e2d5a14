namespace AeSweep.Training.Tests;

public sealed class MemoryStabilityTests
{
    [Fact]
    public void Resident_memory_after_epoch_20_is_within_10_percent_of_after_epoch_2()
    {
        var rss = new Dictionary<int, double>();
        var observer = new RecordingObserver(onEpoch: report => rss[report.Epoch] = ResidentMb());

        var result = TrialTrainer.Train(
            TrainingFixture.Request(
                TrainingFixture.Parameters(("code_size", 16L), ("width", 128L), ("epochs", 20L), ("batch_size", 128L)),
                TrainingFixture.FashionMnist(2000),
                TrainingFixture.TempDirectory()),
            observer,
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.True(rss[20] <= rss[2] * 1.10, $"RSS after epoch 2: {rss[2]:F0} MB, after epoch 20: {rss[20]:F0} MB");
    }

    private static double ResidentMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
