using AeSweep.Core.Catalog;

namespace AeSweep.Training.Tests;

public sealed class ModelFamilyTrainingTests
{
    public static TheoryData<string, string?, string?> Families => new()
    {
        { "dense", null, null },
        { "conv", null, null },
        { "denoising", "gaussian", null },
        { "denoising", "masking", null },
        { "sparse", null, "l1" },
        { "sparse", null, "kl" },
        { "vae", null, null },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Loss_and_validation_error_decrease_for_every_family(string family, string? noise, string? sparsity)
    {
        var values = new List<(string, object)>
        {
            ("model", family), ("code_size", 8L), ("depth", 2L), ("width", 64L), ("learning_rate", 3e-3), ("batch_size", 32L), ("epochs", 4L),
            ("channels", 8L),
        };
        if (noise is not null)
        {
            values.Add(("noise", noise));
        }

        if (sparsity is not null)
        {
            values.Add(("sparsity", sparsity));
        }

        var observer = new RecordingObserver();
        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters([.. values]), TrainingFixture.Synthetic(), TrainingFixture.TempDirectory()),
            observer,
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.Equal(4, result.EpochsRun);
        Assert.Equal(4, observer.Reports.Count);
        Assert.True(observer.Reports[^1].TrainLoss < observer.Reports[0].TrainLoss, $"train loss {observer.Reports[0].TrainLoss} → {observer.Reports[^1].TrainLoss}");
        Assert.True(
            observer.Reports[^1].Metrics[MetricNames.ValidationMse] < observer.Reports[0].Metrics[MetricNames.ValidationMse],
            $"val_mse {observer.Reports[0].Metrics[MetricNames.ValidationMse]} → {observer.Reports[^1].Metrics[MetricNames.ValidationMse]}");
        foreach (var name in MetricNames.Validation)
        {
            Assert.True(double.IsFinite(result.Metrics[name]), name);
        }

        Assert.True(result.Metrics.ContainsKey("test_mse"));
        Assert.True(result.Metrics[MetricNames.PcaValidationMse] > 0);
    }

    [Theory]
    [InlineData("dense")]
    [InlineData("conv")]
    public void Trains_on_a_slice_of_real_fashion_mnist(string family)
    {
        var parameters = TrainingFixture.Parameters(
            ("model", family), ("code_size", 32L), ("depth", 2L), ("width_1", 256L), ("width_2", 64L), ("epochs", 3L), ("batch_size", 64L));
        var observer = new RecordingObserver();

        var result = TrialTrainer.Train(TrainingFixture.Request(parameters, TrainingFixture.FashionMnist(1500), TrainingFixture.TempDirectory()), observer, CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.True(observer.Reports[^1].Metrics[MetricNames.ValidationMse] < observer.Reports[0].Metrics[MetricNames.ValidationMse]);
        Assert.True(result.Metrics[MetricNames.ValidationMse] < 0.09, $"val_mse {result.Metrics[MetricNames.ValidationMse]}");
        Assert.True(result.Metrics[MetricNames.ValidationSsim] is > 0 and <= 1);
    }
}
