using AeSweep.Core.Catalog;

namespace AeSweep.Training.Tests;

/// <summary>Each epoch computes what ranking and pruning need; the full suite comes once, on the final model.</summary>
public sealed class EpochMetricsTests
{
    private static readonly string[] FullValidationSuite =
        [MetricNames.ValidationMse, MetricNames.ValidationL1, MetricNames.ValidationBce, MetricNames.ValidationPsnr, MetricNames.ValidationSsim];

    [Theory]
    [InlineData(MetricNames.ValidationMse)]
    [InlineData(MetricNames.ValidationSsim)]
    public void Each_epoch_reports_only_the_sweep_metric_and_val_mse_besides_loss_and_time(string sweepMetric)
    {
        var observer = new RecordingObserver();

        var result = Train(sweepMetric, observer);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.Equal(2, observer.Reports.Count);
        string[] expected = [.. new[] { MetricNames.ValidationMse, sweepMetric }.Distinct().Order(StringComparer.Ordinal)];
        foreach (var report in observer.Reports)
        {
            Assert.Equal(expected, report.Metrics.Keys.Order(StringComparer.Ordinal));
            Assert.True(double.IsFinite(report.TrainLoss));
            Assert.True(report.Seconds > 0);
        }
    }

    [Theory]
    [InlineData(MetricNames.ValidationMse)]
    [InlineData(MetricNames.ValidationSsim)]
    public void The_final_metrics_carry_the_full_validation_suite_test_metrics_and_the_pca_baseline(string sweepMetric)
    {
        var result = Train(sweepMetric, new RecordingObserver());

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        foreach (var name in FullValidationSuite.Append(MetricNames.TestSsim).Append(MetricNames.PcaValidationMse).Append(MetricNames.TrainLoss))
        {
            Assert.True(result.Metrics.ContainsKey(name), $"the final metrics lack {name}");
        }
    }

    [Fact]
    public void A_pruned_trial_also_ends_with_the_full_validation_suite()
    {
        var result = Train(MetricNames.ValidationMse, new RecordingObserver(pruneAfterEpoch: 1));

        Assert.Equal(TrainingOutcome.Pruned, result.Outcome);
        Assert.All(FullValidationSuite, name => Assert.True(result.Metrics.ContainsKey(name), $"the final metrics lack {name}"));
    }

    [Theory]
    [InlineData(MetricNames.ValidationL1)]
    [InlineData(MetricNames.ValidationBce)]
    [InlineData(MetricNames.ValidationPsnr)]
    [InlineData(MetricNames.ValidationSsim)]
    public void A_final_metric_equals_what_the_last_epoch_computes_when_it_is_the_sweep_metric(string metric)
    {
        // Which metric a sweep ranks by changes nothing in training, so the same seed trains the same model: the final
        // suite of a val_mse sweep must hold the very numbers the last epoch of a sweep ranking by the metric reports.
        var rankedByIt = new RecordingObserver();
        var byItResult = Train(metric, rankedByIt);
        var rankedByMse = new RecordingObserver();
        var byMseResult = Train(MetricNames.ValidationMse, rankedByMse);

        Assert.True(byItResult.Outcome == TrainingOutcome.Completed, byItResult.FailureReason);
        Assert.True(byMseResult.Outcome == TrainingOutcome.Completed, byMseResult.FailureReason);
        var lastEpoch = rankedByIt.Reports[^1].Metrics;
        Assert.Equal(lastEpoch[metric], byMseResult.Metrics[metric]);
        Assert.Equal(lastEpoch[metric], byItResult.Metrics[metric]);
        Assert.Equal(lastEpoch[MetricNames.ValidationMse], byMseResult.Metrics[MetricNames.ValidationMse]);
        Assert.Equal(rankedByMse.Reports[^1].Metrics[MetricNames.ValidationMse], byMseResult.Metrics[MetricNames.ValidationMse]);
    }

    private static TrainingResult Train(string sweepMetric, RecordingObserver observer) =>
        TrialTrainer.Train(
            TrainingFixture.Request(
                TrainingFixture.Parameters(("code_size", 4L), ("depth", 1L), ("width", 32L), ("epochs", 2L), ("batch_size", 64L)),
                TrainingFixture.Synthetic(300),
                TrainingFixture.TempDirectory()) with { Metric = sweepMetric },
            observer,
            CancellationToken.None);
}
