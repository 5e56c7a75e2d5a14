using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Definitions;

/// <summary><c>dataset.anomaly_classes</c> and the anomaly-detection metrics: what is accepted, and the errors with their paths.</summary>
public sealed class AnomalyClassesTests
{
    private static string Sweep(string dataset, string metric = "val_auroc") => $$"""
        name: anomaly
        dataset: {{dataset}}
        model: dense
        method: random
        metric: {{metric}}
        parameters:
          code_size: {values: [2, 4]}
          epochs:    {value: 2}
        budget: {max_trials: 2}
        """;

    private static SweepParseResult Parse(string dataset, string metric = "val_auroc") => SweepDefinitionParser.Parse(Sweep(dataset, metric));

    [Theory]
    [InlineData("[5]", new[] { 5 })]
    [InlineData("[sandal]", new[] { 5 })]
    [InlineData("[Ankle Boot, 1]", new[] { 9, 1 })]
    [InlineData("[t-shirt, sneaker]", new[] { 0, 7 })]
    public void Fashion_mnist_classes_are_given_by_label_or_by_name(string classes, int[] expected)
    {
        var result = Parse($"{{name: fashion-mnist, anomaly_classes: {classes}}}");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(expected, result.Definition!.Dataset!.AnomalyClasses!);
        Assert.Equal(new MetricSpec(MetricNames.ValidationAuroc, MetricGoal.Maximize), result.Definition.Metric);
    }

    [Fact]
    public void Files_with_labels_accept_any_label_and_leave_the_check_to_loading()
    {
        Assert.True(Parse("{type: idx, images: i.idx, labels: l.idx, anomaly_classes: [200]}").IsValid);
        Assert.True(Parse("{type: csv, path: t.csv, label_column: kind, anomaly_classes: [3, 4000]}").IsValid);
        Assert.True(Parse("{type: synthetic, anomaly_classes: [disc]}").IsValid);
    }

    [Theory]
    [InlineData("{type: idx, images: i.idx, anomaly_classes: [1]}", "dataset.anomaly_classes", "labels:")]
    [InlineData("{type: csv, path: t.csv, anomaly_classes: [1]}", "dataset.anomaly_classes", "label_column:")]
    [InlineData("{name: fashion-mnist, anomaly_classes: [1, 5, 12]}", "dataset.anomaly_classes[2]", "from 0 to 9")]
    [InlineData("{name: fashion-mnist, anomaly_classes: [1, sandals, 2]}", "dataset.anomaly_classes[1]", "did you mean 'sandal'")]
    [InlineData("{name: fashion-mnist, anomaly_classes: [5, sandal]}", "dataset.anomaly_classes[1]", "listed twice")]
    [InlineData("{name: fashion-mnist, anomaly_classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}", "dataset.anomaly_classes", "every one of the 10 classes")]
    [InlineData("{type: synthetic, anomaly_classes: [4]}", "dataset.anomaly_classes[0]", "from 0 to 3")]
    [InlineData("{name: fashion-mnist, anomaly_classes: []}", "dataset.anomaly_classes", "non-empty list")]
    [InlineData("{name: fashion-mnist, anomaly_classes: 5}", "dataset.anomaly_classes", "non-empty list")]
    [InlineData("{name: fashion-mnist, anomaly_classes: [2.5]}", "dataset.anomaly_classes[0]", "must be a class")]
    [InlineData("{type: csv, path: t.csv, label_column: 0, anomaly_classes: [70000]}", "dataset.anomaly_classes[0]", "from 0 to 65535")]
    public void Bad_anomaly_classes_are_errors_at_their_field_path(string dataset, string path, string message)
    {
        var error = Assert.Single(Parse(dataset).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("val_auroc")]
    [InlineData("{name: val_auprc, goal: maximize}")]
    public void Anomaly_metrics_need_anomaly_classes(string metric)
    {
        var error = Assert.Single(Parse("fashion-mnist", metric).Errors);

        Assert.StartsWith("metric", error.Path, StringComparison.Ordinal);
        Assert.Contains("needs dataset.anomaly_classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anomaly_metrics_are_maximized_and_minimizing_them_is_refused()
    {
        var error = Assert.Single(Parse("{name: fashion-mnist, anomaly_classes: [5]}", "{name: val_auroc, goal: minimize}").Errors);

        Assert.Equal("metric.goal", error.Path);
        Assert.Equal(MetricGoal.Maximize, Parse("{name: fashion-mnist, anomaly_classes: [5]}", "val_auprc").Definition!.Metric.Goal);
    }

    [Fact]
    public void A_test_metric_never_ranks_and_the_error_names_the_validation_one()
    {
        var error = Assert.Single(Parse("{name: fashion-mnist, anomaly_classes: [5]}", "{name: test_auroc, goal: maximize}").Errors);

        Assert.Equal("metric.name", error.Path);
        Assert.Contains("rank by val_auroc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anomaly_classes_survive_the_stored_document_and_the_canonical_json()
    {
        var definition = Parse("{name: fashion-mnist, limit: 3000, anomaly_classes: [sandal, 9]}").Definition!;

        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
        Assert.Contains("\"anomaly_classes\": [\n      5,\n      9\n    ]", StoredSweepDocument.Write(definition).Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_document_without_anomaly_classes_reads_as_no_anomaly_detection()
    {
        var definition = Parse("fashion-mnist", "val_mse").Definition!;

        Assert.Null(StoredSweepDocument.Read(StoredSweepDocument.Write(definition)).Dataset!.AnomalyClasses);
    }

    [Fact]
    public void Class_lists_compare_and_print_by_value()
    {
        Assert.Equal(new ClassLabels([5, 9]), new ClassLabels([5, 9]));
        Assert.NotEqual(new ClassLabels([9, 5]), new ClassLabels([5, 9]));
        Assert.Equal("[5, 9]", new ClassLabels([5, 9]).ToString());
        Assert.Contains("AnomalyClasses = [5]", new DatasetSpec(DatasetSourceKind.Synthetic, AnomalyClasses: new ClassLabels([5])).ToString(), StringComparison.Ordinal);
    }
}
