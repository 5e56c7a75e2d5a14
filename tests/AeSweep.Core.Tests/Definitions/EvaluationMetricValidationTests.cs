using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>A sweep ranks by an evaluation-suite metric only where every trial reports it.</summary>
public sealed class EvaluationMetricValidationTests
{
    [Theory]
    [InlineData(MetricNames.ValidationDenoisePsnr)]
    [InlineData(MetricNames.ValidationDenoiseSsim)]
    public void Denoising_quality_ranks_a_denoising_sweep_with_goal_maximize(string metric)
    {
        var result = SweepDefinitionParser.Parse(Sweep("fashion-mnist", "denoising", metric));

        Assert.Empty(result.Errors);
        Assert.Equal(new MetricSpec(metric, MetricGoal.Maximize), result.Definition!.Metric);
    }

    [Fact]
    public void Denoising_quality_is_refused_when_the_sweep_trains_other_families()
    {
        var result = SweepDefinitionParser.Parse(Sweep("fashion-mnist", "{values: [denoising, vae]}", $"{{name: {MetricNames.ValidationDenoisePsnr}}}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("metric.name", error.Path);
        Assert.Contains("model: denoising", error.Message, StringComparison.Ordinal);
        Assert.Contains("vae", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetricNames.ValidationKnnAccuracy)]
    [InlineData(MetricNames.ValidationLinearProbeAccuracy)]
    public void Representation_quality_ranks_any_family_on_a_dataset_with_labels(string metric)
    {
        var result = SweepDefinitionParser.Parse(Sweep("fashion-mnist", "{values: [dense, conv, vae]}", metric));

        Assert.Empty(result.Errors);
        Assert.Equal(MetricGoal.Maximize, result.Definition!.Metric.Goal);
    }

    [Fact]
    public void Representation_quality_ranks_a_csv_sweep_with_a_label_column()
    {
        var result = SweepDefinitionParser.Parse(Sweep("{type: csv, path: table.csv, label_column: class}", "dense", MetricNames.ValidationLinearProbeAccuracy));

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{type: csv, path: table.csv}")]
    [InlineData("{type: idx, images: images.idx}")]
    public void Representation_quality_is_refused_on_a_dataset_without_labels(string dataset)
    {
        var result = SweepDefinitionParser.Parse(Sweep(dataset, "dense", MetricNames.ValidationKnnAccuracy));

        var error = Assert.Single(result.Errors);
        Assert.Equal("metric", error.Path);
        Assert.Contains("needs class labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_measured_only_on_the_final_model_cannot_drive_a_pruner()
    {
        var result = SweepDefinitionParser.Parse(Sweep("fashion-mnist", "dense", MetricNames.ValidationKnnAccuracy, "early_terminate: {type: median}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("early_terminate", error.Path);
        Assert.Contains("final model", error.Message, StringComparison.Ordinal);
    }

    private static string Sweep(string dataset, string model, string metric, string extra = "") => $$"""
        dataset: {{dataset}}
        model: {{model}}
        method: random
        metric: {{metric}}
        parameters:
          epochs: {value: 1}
        budget: {max_trials: 1}
        {{extra}}
        """;
}
