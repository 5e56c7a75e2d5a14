using System.Reflection;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Catalog;

/// <summary>The metric catalog knows every name training reports, and the validator ranks by it.</summary>
public sealed class MetricCatalogTests
{
    // The parts metric names are made of, not metrics themselves.
    private static readonly string[] NameParts =
        [MetricNames.ValidationPrefix, MetricNames.TestPrefix, MetricNames.Mse, MetricNames.L1, MetricNames.Bce, MetricNames.Psnr, MetricNames.Ssim,
            MetricNames.Auroc, MetricNames.Auprc,
         MetricNames.DenoisePsnr, MetricNames.DenoiseSsim, MetricNames.KnnAccuracy, MetricNames.LinearProbeAccuracy];

    [Fact]
    public void Every_metric_name_training_uses_is_in_the_catalog()
    {
        var names = typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Except(NameParts).ToArray();

        Assert.All(names, name => Assert.NotNull(MetricCatalog.Find(name)));
        Assert.Equal(names.Order(StringComparer.Ordinal), MetricCatalog.All.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(MetricNames.Validation, name => Assert.True(MetricCatalog.Find(name)!.Rankable, name));
    }

    public static TheoryData<string> RankableMetrics() => new(MetricCatalog.Rankable.Select(m => m.Name));

    [Theory]
    [MemberData(nameof(RankableMetrics))]
    public void A_sweep_ranks_by_a_rankable_metric_with_the_catalogs_goal(string name)
    {
        var metric = MetricCatalog.Find(name)!;
        var opposite = metric.Goal == MetricGoal.Minimize ? "maximize" : "minimize";

        // A sweep whose trials all report it: anomaly-detection metrics need classes held out, denoising metrics the
        // denoising family.
        var dataset = metric.NeedsAnomalyClasses ? "{name: fashion-mnist, anomaly_classes: [5]}" : "fashion-mnist";
        var model = metric.Requirement == MetricRequirement.DenoisingFamily ? "denoising" : "dense";
        var natural = SweepDefinitionParser.Parse(Sweep(name, dataset, model));
        var wrongWay = SweepDefinitionParser.Parse(Sweep($"{{name: {name}, goal: {opposite}}}", dataset, model));

        Assert.Equal(metric.Goal, natural.Definition?.Metric.Goal);
        Assert.Equal("metric.goal", Assert.Single(wrongWay.Errors).Path);
    }

    [Fact]
    public void A_metric_reported_only_at_the_end_is_not_a_ranking_metric()
    {
        var error = Assert.Single(SweepDefinitionParser.Parse(Sweep(MetricNames.TestMse)).Errors);

        Assert.Equal("metric", error.Path);
        Assert.StartsWith("'test_mse' is measured once, on the test set, and never ranks trials", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("rank by val_mse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Psnr_shows_in_decibels_epoch_times_in_seconds_and_plain_metrics_without_a_unit()
    {
        Assert.Equal("27.31 dB", MetricCatalog.ValidationPsnr.Format(27.3141));
        Assert.Equal("3.2 s", MetricCatalog.EpochSeconds.Format(3.21));
        Assert.Equal("0.8123", MetricCatalog.ValidationSsim.Format(0.81234));
        Assert.Equal("0.0123", MetricCatalog.ValidationMse.Format(0.012345, v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(MetricNames.ValidationMse, MetricSpec.Default.Name);
    }

    private static string Sweep(string metric, string dataset = "fashion-mnist", string model = "dense") => $$"""
        dataset: {{dataset}}
        model: {{model}}
        method: random
        metric: {{metric}}
        parameters:
          epochs: {value: 1}
        budget: {max_trials: 1}
        """;
}
