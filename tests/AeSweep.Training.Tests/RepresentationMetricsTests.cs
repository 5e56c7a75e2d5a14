using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Metrics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>val_knn_accuracy and val_linear_probe_accuracy on the codes, and the same on PCA codes of the same size.</summary>
public sealed class RepresentationMetricsTests(ITestOutputHelper output)
{
    [Fact]
    public void On_fashion_mnist_a_dense_autoencoders_16_dimensional_codes_beat_pca_codes_of_the_same_size_at_knn()
    {
        var result = TrialTrainer.Train(
            TrainingFixture.Request(
                TrainingFixture.Parameters(
                    ("model", "dense"), ("code_size", 16L), ("depth", 2L), ("width", 512L), ("epochs", 10L), ("batch_size", 128L), ("learning_rate", 0.001)),
                TrainingFixture.FashionMnist(20_000), // 16,000 training and 4,000 validation images
                TrainingFixture.TempDirectory()),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        var m = result.Metrics;
        output.WriteLine($"val_mse {m[MetricNames.ValidationMse]:F4} (PCA {m[MetricNames.PcaValidationMse]:F4}); " +
            $"k-NN {m[MetricNames.ValidationKnnAccuracy]:F4} (PCA {m[MetricNames.PcaValidationKnnAccuracy]:F4}); " +
            $"linear probe {m[MetricNames.ValidationLinearProbeAccuracy]:F4} (PCA {m[MetricNames.PcaValidationLinearProbeAccuracy]:F4})");
        Assert.True(m[MetricNames.ValidationKnnAccuracy] > m[MetricNames.PcaValidationKnnAccuracy]);
        // Far above chance (0.1) for both: the measures see class structure, not noise.
        Assert.True(m[MetricNames.PcaValidationKnnAccuracy] > 0.6);
        Assert.True(m[MetricNames.ValidationLinearProbeAccuracy] > 0.6);
    }

    [Fact]
    public void Knn_gives_each_query_the_majority_label_of_its_nearest_reference_codes()
    {
        // Class 0 around 0, class 1 around 100; one mislabelled reference code near 0 is outvoted.
        var referenceValues = Enumerable.Range(0, 20).Select(i => i < 10 ? (float)i : 100f + i).ToArray();
        var referenceLabels = Enumerable.Range(0, 20).Select(i => i < 10 ? (i == 3 ? 1L : 0L) : 1L).ToArray();
        using var reference = tensor(referenceValues).reshape(20, 1);
        using var labels = tensor(referenceLabels);
        using var queries = tensor(new[] { 2.5f, 4f, 105f, 200f, 6f }).reshape(5, 1);
        using var truth = tensor(new long[] { 0, 0, 1, 1, 1 });

        var accuracy = NearestNeighbourAccuracy.Measure(reference, labels, queries, truth, classes: 2);

        Assert.Equal(0.8, accuracy, 9); // the last query is class 0 territory: its true label 1 is missed
    }

    [Fact]
    public void The_linear_probe_separates_linearly_separable_codes_and_guesses_on_unrelated_labels()
    {
        using var generator = new Generator(5);
        using var codes = randn([2000, 4], generator: generator);
        using var separable = (codes[.., 0] + (2 * codes[.., 1]) > 0).to_type(ScalarType.Int64);
        using var unrelated = randint(0, 2, [2000], generator: generator, dtype: ScalarType.Int64);

        var fitted = LinearProbe.Measure(codes.narrow(0, 0, 1500), separable.narrow(0, 0, 1500), codes.narrow(0, 1500, 500), separable.narrow(0, 1500, 500), 2);
        var guessed = LinearProbe.Measure(codes.narrow(0, 0, 1500), unrelated.narrow(0, 0, 1500), codes.narrow(0, 1500, 500), unrelated.narrow(0, 1500, 500), 2);

        Assert.True(fitted > 0.97, $"separable: {fitted}");
        Assert.InRange(guessed, 0.4, 0.6);
    }

    [Fact]
    public void A_vaes_codes_are_its_means_so_the_measures_repeat_exactly()
    {
        using var data = DatasetLoader.Load(TrainingFixture.Synthetic(400), 42, CPU);
        using var vae = new Models.VariationalAutoencoder(data.Features, [32], 4, Core.Catalog.ActivationFunction.Relu, unitIntervalOutput: true);

        var first = RepresentationMetrics.Evaluate(vae, data);
        var again = RepresentationMetrics.Evaluate(vae, data);

        Assert.Equal(first, again);
        Assert.Equal([MetricNames.ValidationKnnAccuracy, MetricNames.ValidationLinearProbeAccuracy], first.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_dataset_without_labels_reports_no_representation_measures()
    {
        var directory = TrainingFixture.TempDirectory();
        var csv = TrainingFixture.WriteCsv(directory, (r, c) => Math.Sin(r + c));
        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("code_size", 2L), ("width", 8L), ("depth", 1L), ("epochs", 1L)), new Core.Definitions.DatasetSpec(Core.Definitions.DatasetSourceKind.Csv, CsvPath: csv), directory),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.DoesNotContain(result.Metrics.Keys, name => name.EndsWith(MetricNames.KnnAccuracy, StringComparison.Ordinal) || name.EndsWith(MetricNames.LinearProbeAccuracy, StringComparison.Ordinal));
    }
}
