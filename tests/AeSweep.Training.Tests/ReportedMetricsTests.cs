using AeSweep.Core.Catalog;

namespace AeSweep.Training.Tests;

/// <summary>Training reports only metrics the catalog knows, each at the time the catalog says.</summary>
public sealed class ReportedMetricsTests
{
    [Fact]
    public void Every_metric_training_reports_is_in_the_catalog()
    {
        var observer = new RecordingObserver();

        var result = TrialTrainer.Train(
            TrainingFixture.Request(
                TrainingFixture.Parameters(("code_size", 4L), ("depth", 1L), ("width", 32L), ("epochs", 2L), ("batch_size", 64L)),
                TrainingFixture.Synthetic(300),
                TrainingFixture.TempDirectory()),
            observer,
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        foreach (var name in observer.Reports.SelectMany(r => r.Metrics.Keys).Distinct())
        {
            var metric = MetricCatalog.Find(name);
            Assert.True(metric is not null, $"training reports {name} each epoch, but the metric catalog does not know it");
            Assert.Equal(MetricTiming.PerEpoch, metric.Timing);
        }

        foreach (var name in result.Metrics.Keys)
        {
            Assert.True(MetricCatalog.Find(name) is not null, $"training reports {name} at the end, but the metric catalog does not know it");
        }

        Assert.Contains(MetricNames.ValidationPsnr, result.Metrics.Keys);
        Assert.Contains(MetricNames.TestSsim, result.Metrics.Keys);
        Assert.Contains(MetricNames.PcaValidationMse, result.Metrics.Keys);
    }
}
