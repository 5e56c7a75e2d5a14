using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;
using AeSweep.Training.Imaging;
using AeSweep.Training.Metrics;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>
/// Anomaly detection: held-out classes leave the training split only, scores are deterministic reconstruction errors,
/// and a trial reports AUROC/AUPRC each epoch (when ranked by them) and on the final model, with its pictures.
/// </summary>
public sealed class AnomalyDetectionTests
{
    private static DatasetSpec Synthetic(params int[] anomalyClasses) =>
        TrainingFixture.Synthetic(400) with { AnomalyClasses = anomalyClasses.Length == 0 ? null : new ClassLabels(anomalyClasses) };

    [Fact]
    public void Held_out_classes_leave_the_training_split_and_stay_in_validation_and_test()
    {
        using var plain = DatasetLoader.Load(Synthetic(), 42, CPU);
        using var heldOut = DatasetLoader.Load(Synthetic(2), 42, CPU);

        var trainLabels = heldOut.TrainLabels!.data<long>().ToArray();
        Assert.DoesNotContain(2L, trainLabels);
        Assert.Equal(plain.TrainLabels!.data<long>().ToArray().Where(l => l != 2), trainLabels);
        Assert.Equal(heldOut.Train.shape[0], trainLabels.Length);
        // Validation and test are exactly what they are without anomaly detection.
        Assert.True(heldOut.Validation.allclose(plain.Validation, rtol: 0, atol: 0));
        Assert.Equal(plain.ValidationLabels!.data<long>().ToArray(), heldOut.ValidationLabels!.data<long>().ToArray());
        Assert.Contains(2L, heldOut.ValidationLabels.data<long>().ToArray());
        Assert.Contains(2L, heldOut.TestLabels!.data<long>().ToArray());
        Assert.Equal(new ClassLabels([2]), heldOut.AnomalyClasses);
        Assert.NotEqual(plain.Identity, heldOut.Identity);
    }

    [Fact]
    public void A_csv_is_normalized_by_its_normal_rows_only()
    {
        // Normal rows (class 0) hold 0..9 in f0; anomalies (class 1) hold 1000. Min-max from normal rows keeps 0..9 spread over [0, 1].
        var rows = Enumerable.Range(0, 60).Select(r => r % 6 == 0 ? $"1000,{r},1" : $"{r % 10},{r},0");
        var path = Path.Combine(TrainingFixture.TempDirectory(), "t.csv");
        File.WriteAllLines(path, ["f0,f1,kind", .. rows]);
        var spec = new DatasetSpec(DatasetSourceKind.Csv, CsvPath: path, ValidationSplit: 0.25, LabelColumn: "kind", AnomalyClasses: new ClassLabels([1]));

        using var data = DatasetLoader.Load(spec, 3, CPU);

        Assert.Equal(0f, data.Train.select(1, 0).min().item<float>());
        Assert.Equal(1f, data.Train.select(1, 0).max().item<float>());
        Assert.DoesNotContain(1L, data.TrainLabels!.data<long>().ToArray());
    }

    [Fact]
    public void A_class_the_labels_never_hold_fails_the_load_with_its_field_path()
    {
        var directory = TrainingFixture.TempDirectory();
        var labels = Enumerable.Range(0, 40).Select(n => (byte)(n % 3)).ToArray();
        var spec = new DatasetSpec(
            DatasetSourceKind.Idx,
            ImagesPath: WriteIdx(Path.Combine(directory, "i.idx"), [40, 2, 2], [.. labels.SelectMany(l => Enumerable.Repeat(l, 4))]),
            LabelsPath: WriteIdx(Path.Combine(directory, "l.idx"), [40], labels),
            ValidationSplit: 0.25,
            AnomalyClasses: new ClassLabels([1, 7]));

        var error = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(spec, 1, CPU));

        Assert.StartsWith("dataset.anomaly_classes[1]: class 7 occurs in none of the loaded samples (their classes: 0, 1, 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validation_split_without_anomalies_fails_the_load_instead_of_reporting_an_undefined_auroc()
    {
        // Class 6 labels one sample of 40: for most seeds it lands in training, and validation has no anomaly.
        var directory = TrainingFixture.TempDirectory();
        var labels = Enumerable.Range(0, 40).Select(n => (byte)(n == 17 ? 6 : n % 3)).ToArray();
        var images = WriteIdx(Path.Combine(directory, "i.idx"), [40, 2, 2], [.. labels.SelectMany(l => Enumerable.Repeat(l, 4))]);
        var labelFile = WriteIdx(Path.Combine(directory, "l.idx"), [40], labels);
        var failures = 0;
        for (var seed = 0; seed < 10; seed++)
        {
            var spec = new DatasetSpec(DatasetSourceKind.Idx, ImagesPath: images, LabelsPath: labelFile, ValidationSplit: 0.1, AnomalyClasses: new ClassLabels([6]));
            try
            {
                using var data = DatasetLoader.Load(spec, seed, CPU);
                Assert.Contains(6L, data.ValidationLabels!.data<long>().ToArray());
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith("dataset.anomaly_classes: the 4 validation samples hold no anomalous sample", e.Message, StringComparison.Ordinal);
                failures++;
            }
        }

        Assert.InRange(failures, 1, 10);
    }

    [Fact]
    public void A_vae_scores_by_the_reconstruction_of_its_posterior_mean_without_sampling()
    {
        random.manual_seed(3);
        using var vae = new VariationalAutoencoder(16, [8], 2, ActivationFunction.Relu, unitIntervalOutput: true);
        using var samples = rand(50, 16);

        var first = AnomalyScores.PerSample(vae, samples);
        var second = AnomalyScores.PerSample(vae, samples);

        Assert.Equal(first, second);
        using var expected = (vae.Decode(vae.Encode(samples)) - samples).square().mean([1]).to_type(ScalarType.Float64);
        Assert.Equal(expected.data<double>().ToArray(), first, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void A_trial_ranked_by_val_auroc_reports_it_each_epoch_and_the_anomaly_suite_at_the_end()
    {
        var parameters = TrainingFixture.Parameters(("model", "dense"), ("code_size", 4L), ("depth", 1L), ("width", 64L), ("epochs", 2L), ("batch_size", 32L));
        var directory = TrainingFixture.TempDirectory();
        var observer = new RecordingObserver();
        var request = TrainingFixture.Request(parameters, Synthetic(2), directory) with { Metric = MetricNames.ValidationAuroc };

        var result = TrialTrainer.Train(request, observer, CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.All(observer.Reports, r => Assert.InRange(r.Metrics[MetricNames.ValidationAuroc], 0, 1));
        Assert.All(observer.Reports, r => Assert.False(r.Metrics.ContainsKey(MetricNames.ValidationAuprc)));
        foreach (var name in new[] { MetricNames.ValidationAuroc, MetricNames.ValidationAuprc, MetricNames.TestAuroc, MetricNames.TestAuprc })
        {
            Assert.InRange(result.Metrics[name], 0, 1);
        }

        Assert.Equal(observer.Reports[^1].Metrics[MetricNames.ValidationAuroc], result.Metrics[MetricNames.ValidationAuroc], 12);
        foreach (var artifact in new[] { "anomaly_scores", "anomaly_gallery" })
        {
            var png = File.ReadAllBytes(result.Artifacts[artifact]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        }
    }

    [Fact]
    public void Without_anomaly_classes_a_trial_reports_no_anomaly_metrics_or_pictures()
    {
        var parameters = TrainingFixture.Parameters(("model", "dense"), ("code_size", 4L), ("depth", 1L), ("width", 32L), ("epochs", 1L));

        var result = TrialTrainer.Train(TrainingFixture.Request(parameters, Synthetic(), TrainingFixture.TempDirectory()), new RecordingObserver(), CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.DoesNotContain(result.Metrics.Keys, k => k.EndsWith("auroc", StringComparison.Ordinal) || k.EndsWith("auprc", StringComparison.Ordinal));
        Assert.False(result.Artifacts.ContainsKey("anomaly_scores"));
    }

    [Fact]
    public void The_histogram_gives_each_group_its_own_shares_and_puts_the_far_tail_in_the_last_bin()
    {
        double[] scores = [0.1, 0.2, 0.2, 0.9, 5.0, 0.5];
        bool[] anomalous = [false, false, false, true, true, false];

        var normal = ScoreHistogram.Histogram(scores, anomalous, false, upper: 1.0);
        var anomalies = ScoreHistogram.Histogram(scores, anomalous, true, upper: 1.0);

        Assert.Equal(1.0, normal.Sum(), 12);
        Assert.Equal(1.0, anomalies.Sum(), 12);
        Assert.Equal(0.5, normal[8], 12);   // 0.2 twice of four normal scores
        Assert.Equal(0.5, anomalies[^1], 12); // 5.0, past the range
        Assert.Equal(0.5, anomalies[36], 12); // 0.9
        Assert.Equal([0.01, 0.02, 0.05, 0.1, 0.2], new[] { 0.007, 0.013, 0.041, 0.09, 0.2 }.Select(ScoreHistogram.NiceStep).Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void The_pictures_carry_text_when_a_font_is_installed()
    {
        // The Skia build has no fontconfig: ChartFont loads a font file. Text makes the title strip non-white.
        var path = Path.Combine(TrainingFixture.TempDirectory(), "h.png");
        ScoreHistogram.Write(path, [0.1, 0.2, 0.3, 0.4], [false, false, true, true], "normal", "anomalous", "Title");

        using var bitmap = SkiaSharp.SKBitmap.Decode(path);
        Assert.Equal((ScoreHistogram.Width, ScoreHistogram.Height), (bitmap.Width, bitmap.Height));
        var dark = 0;
        for (var x = 60; x < 200; x++)
        {
            for (var y = 5; y < 28; y++)
            {
                dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(dark > 20 || !File.Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), $"{dark.ToString(CultureInfo.InvariantCulture)} dark pixels in the title strip");
    }

    private static string WriteIdx(string path, int[] dimensions, byte[] values)
    {
        using var file = File.Create(path);
        file.Write([0, 0, 8, (byte)dimensions.Length]);
        foreach (var d in dimensions)
        {
            file.Write([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        }

        file.Write(values);
        return path;
    }
}
