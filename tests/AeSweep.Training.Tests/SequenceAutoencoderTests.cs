using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;
using AeSweep.Training.Fusion;
using AeSweep.Training.Imaging;
using AeSweep.Training.Models;
using SkiaSharp;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>model: lstm on the sequence datasets: real training, the windows, the gallery, the estimate, the fusion key.</summary>
public sealed class SequenceAutoencoderTests
{
    private static DatasetSpec Sequences(int limit = 800, int length = 32, int channels = 2, double anomalyShare = 0.1) =>
        new(DatasetSourceKind.SyntheticSequences, Name: "synthetic-sequences", Limit: limit, ValidationSplit: 0.2, Normalize: "none",
            Sequence: new SequenceSpec(length, channels, 0, anomalyShare, []));

    private static Dictionary<string, Core.Search.ParameterValue> Lstm(long epochs, long code = 8, long width = 32) => TrainingFixture.Parameters(
        ("model", "lstm"), ("code_size", code), ("depth", 1L), ("width", width), ("learning_rate", 1e-2), ("batch_size", 32L), ("epochs", epochs));

    // The baseline the issue names: each window reconstructed as its own per-channel mean over time.
    private static double PerWindowMeanMse(DatasetSpec spec)
    {
        using var data = DatasetLoader.Load(spec, 42, CPU);
        using var scope = NewDisposeScope();
        var windows = data.Validation.reshape(-1, data.Shape.Steps, data.Shape.Channels);
        return (windows - windows.mean([1], keepdim: true)).square().mean().item<float>();
    }

    [Fact]
    public void An_lstm_autoencoder_on_synthetic_sequences_reconstructs_better_than_the_per_window_mean()
    {
        var spec = Sequences();
        var baseline = PerWindowMeanMse(spec);
        var observer = new RecordingObserver();

        var result = TrialTrainer.Train(TrainingFixture.Request(Lstm(epochs: 20), spec, TrainingFixture.TempDirectory()), observer, CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        var mse = result.Metrics[MetricNames.ValidationMse];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lstm val_mse {mse:G4} (epoch 1: {observer.Reports[0].Metrics[MetricNames.ValidationMse]:G4}), per-window mean {baseline:G4}, pca {result.Metrics[MetricNames.PcaValidationMse]:G4}, test_mse {result.Metrics["test_mse"]:G4}"));
        Assert.True(mse < 0.7 * baseline, $"lstm val_mse {mse} against the per-window mean's {baseline}");
        Assert.True(mse < observer.Reports[0].Metrics[MetricNames.ValidationMse]);
        Assert.True(double.IsFinite(result.Metrics["test_mse"]));
        Assert.DoesNotContain(MetricNames.ValidationPsnr, result.Metrics.Keys);
        Assert.DoesNotContain(MetricNames.ValidationSsim, result.Metrics.Keys);
    }

    [Fact]
    public void Synthetic_sequences_are_time_major_windows_with_anomaly_labels()
    {
        using var data = DatasetLoader.Load(Sequences(limit: 1000, length: 24, channels: 3, anomalyShare: 0.2), 42, CPU);

        Assert.True(data.Shape.IsSequence);
        Assert.Equal((24, 3), (data.Shape.Steps, data.Shape.Channels));
        Assert.Equal(24 * 3, (int)data.Train.shape[1]);
        Assert.Equal(200, (int)data.Validation.shape[0]);
        var labels = data.ValidationLabels!.data<long>().ToArray();
        Assert.All(labels, l => Assert.True(l is 0 or 1));
        Assert.InRange(labels.Count(l => l == 1), 20, 60); // about 20% of 200
        var (again, _) = SyntheticSequences.Generate(10, 24, 3, 0.2, 42);
        Assert.Equal(again, SyntheticSequences.Generate(10, 24, 3, 0.2, 42).Values);
    }

    [Fact]
    public void A_csv_series_is_split_in_time_then_cut_into_windows_of_the_chosen_columns()
    {
        var directory = TrainingFixture.TempDirectory();
        var path = Path.Combine(directory, "series.csv");
        File.WriteAllLines(path, ["a,b,c", .. Enumerable.Range(0, 40).Select(r => $"{r},{100 + r},{200 + r}")]);
        var spec = new DatasetSpec(DatasetSourceKind.CsvSequences, CsvPath: path, ValidationSplit: 0.25, Normalize: "none", Sequence: new SequenceSpec(4, 2, 2, 0, ["c", "a"]));

        using var data = DatasetLoader.Load(spec, 42, CPU);

        // 30 training rows → windows starting at 0, 2, …, 26 (14); 10 validation rows (30…39) → starting at 30, 32, 34, 36 (4).
        Assert.Equal([14, 8], data.Train.shape);
        Assert.Equal([4, 8], data.Validation.shape);
        Assert.Equal([200f, 0, 201, 1, 202, 2, 203, 3], data.Train[0].data<float>().ToArray());
        Assert.Equal([202f, 2, 203, 3, 204, 4, 205, 5], data.Train[1].data<float>().ToArray());
        Assert.Equal(230f, data.Validation[0][0].item<float>());
        Assert.Equal(SampleShape.Sequence(4, 2), data.Shape);
    }

    [Theory]
    [InlineData("[\"c\", \"d\"]", "dataset.columns[1]")]
    [InlineData("window", "dataset.window")]
    public void A_csv_series_that_does_not_fit_fails_the_trial_naming_the_field(string what, string field)
    {
        var directory = TrainingFixture.TempDirectory();
        var path = Path.Combine(directory, "series.csv");
        File.WriteAllLines(path, ["a,b,c", .. Enumerable.Range(0, 40).Select(r => $"{r},{r},{r}")]);
        var sequence = what == "window" ? new SequenceSpec(20, 0, 20, 0, []) : new SequenceSpec(4, 2, 4, 0, ["c", "d"]);
        var spec = new DatasetSpec(DatasetSourceKind.CsvSequences, CsvPath: path, ValidationSplit: 0.25, Sequence: sequence);

        var result = TrialTrainer.Train(TrainingFixture.Request(Lstm(epochs: 1), spec, directory), new RecordingObserver(), CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.StartsWith(field, result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sequence_gallery_plots_the_first_validation_windows_where_the_image_gallery_goes()
    {
        var result = TrialTrainer.Train(TrainingFixture.Request(Lstm(epochs: 1), Sequences(limit: 200), TrainingFixture.TempDirectory()), new RecordingObserver(), CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        using var gallery = SKBitmap.Decode(result.Artifacts["gallery"]);
        Assert.Equal(SequenceGallery.PixelSize(SequenceArtifacts.GalleryWindows), (gallery.Width, gallery.Height));
        // The lines are drawn in the channel colours (not only axes and text): some pixel is clearly blue.
        Assert.Contains(gallery.Pixels, p => p.Blue > 150 && p.Red < 100);
        Assert.True(File.Exists(result.Artifacts["latent_map"]));
    }

    [Fact]
    public void Lstm_reads_images_row_by_row()
    {
        var result = TrialTrainer.Train(TrainingFixture.Request(Lstm(epochs: 2, code: 4, width: 16), TrainingFixture.Synthetic(200), TrainingFixture.TempDirectory()), new RecordingObserver(), CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        Assert.True(result.Metrics[MetricNames.ValidationSsim] is > -1 and <= 1);
        Assert.Equal((SyntheticImages.Side, SyntheticImages.Side), LstmAutoencoder.StepsOf(SampleShape.Image(1, SyntheticImages.Side, SyntheticImages.Side)));
        Assert.Equal((8, 3 * 5), LstmAutoencoder.StepsOf(SampleShape.Image(3, 8, 5)));
    }

    [Fact]
    public void Lstm_on_a_plain_table_fails_with_a_reason()
    {
        var directory = TrainingFixture.TempDirectory();
        var spec = new DatasetSpec(DatasetSourceKind.Csv, CsvPath: TrainingFixture.WriteCsv(directory, (r, c) => r + c, rows: 50, columns: 4));

        var result = TrialTrainer.Train(TrainingFixture.Request(Lstm(epochs: 1), spec, directory), new RecordingObserver(), CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.Contains("lstm", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 32)]
    [InlineData(3, 16)]
    public void The_memory_estimate_counts_exactly_the_lstm_parameters(int depth, int width)
    {
        var settings = TrialSettings.FromParameters(TrainingFixture.Parameters(("model", "lstm"), ("depth", (long)depth), ("width", (long)width), ("code_size", 6L)));
        foreach (var shape in new[] { SampleShape.Sequence(40, 3), SampleShape.Image(3, 8, 5) })
        {
            using var model = AutoencoderFactory.Create(settings, shape, unitIntervalData: false);
            var real = model.parameters().Sum(p => p.numel());

            Assert.Equal(real, TrialMemoryEstimate.For(settings, shape).ParameterCount);
        }
    }

    [Fact]
    public void Lstm_trials_are_never_fused()
    {
        var request = TrainingFixture.Request(Lstm(epochs: 1), Sequences(), TrainingFixture.TempDirectory());

        Assert.Null(FusedTrainer.FusionKey(request));
    }
}
