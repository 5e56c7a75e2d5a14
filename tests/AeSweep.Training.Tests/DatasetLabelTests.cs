using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>Class labels for the training, validation and test samples, aligned row by row with the samples.</summary>
public sealed class DatasetLabelTests
{
    [Fact]
    public void Fashion_mnist_labels_every_training_validation_and_test_sample()
    {
        using var data = DatasetLoader.Load(TrainingFixture.FashionMnist(1000), 42, CPU);

        Assert.Equal(data.Train.shape[0], data.TrainLabels!.shape[0]);
        Assert.Equal(data.Validation.shape[0], data.ValidationLabels!.shape[0]);
        Assert.Equal(10000, data.TestLabels!.shape[0]);
        Assert.True(data.HasLabels);
        // The test set is balanced: 1,000 of each of the 10 classes.
        Assert.Equal(Enumerable.Repeat(1000L, 10), data.TestLabels.bincount(null).data<long>().ToArray());
        var seen = cat([data.TrainLabels, data.ValidationLabels]);
        Assert.InRange(seen.min().item<long>(), 0, 0);
        Assert.InRange(seen.max().item<long>(), 9, 9);
    }

    [Fact]
    public void Idx_labels_follow_their_images_through_the_split()
    {
        // Image n has every pixel equal to its label, so a misaligned label shows.
        var directory = TrainingFixture.TempDirectory();
        const int count = 40;
        var labels = Enumerable.Range(0, count).Select(n => (byte)(n % 7)).ToArray();
        var images = labels.SelectMany(l => Enumerable.Repeat(l, 4)).ToArray();
        var imagesPath = WriteIdx(Path.Combine(directory, "images.idx"), [count, 2, 2], images);
        var labelsPath = WriteIdx(Path.Combine(directory, "labels.idx"), [count], labels);

        using var data = DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.Idx, ImagesPath: imagesPath, LabelsPath: labelsPath, ValidationSplit: 0.25), 5, CPU);

        AssertAligned(data.Train.select(1, 0).mul(255).round(), data.TrainLabels!);
        AssertAligned(data.Validation.select(1, 0).mul(255).round(), data.ValidationLabels!);
        Assert.Null(data.Test);
        Assert.Null(data.TestLabels);
        Assert.True(data.HasLabels);
    }

    [Fact]
    public void Idx_without_a_labels_file_has_no_labels()
    {
        var directory = TrainingFixture.TempDirectory();
        var imagesPath = WriteIdx(Path.Combine(directory, "images.idx"), [10, 2, 2], new byte[40]);

        using var data = DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.Idx, ImagesPath: imagesPath), 5, CPU);

        Assert.Null(data.TrainLabels);
        Assert.Null(data.ValidationLabels);
        Assert.False(data.HasLabels);
    }

    [Fact]
    public void Synthetic_data_labels_its_test_set_too()
    {
        using var data = DatasetLoader.Load(TrainingFixture.Synthetic(200), 3, CPU);

        Assert.Equal(160, data.TrainLabels!.shape[0]);
        Assert.Equal(data.Test!.shape[0], data.TestLabels!.shape[0]);
        Assert.InRange(data.TestLabels.max().item<long>(), 0, SyntheticImages.Kinds - 1);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("2")]
    public void A_csv_label_column_is_taken_out_of_the_features(string labelColumn)
    {
        // Columns f0, f1, kind, f3: f0 repeats the label so alignment is visible after the split.
        var path = WriteCsv(["f0", "f1", "kind", "f3"], Enumerable.Range(0, 50).Select(r => new double[] { r % 3, r * 0.5, r % 3, -r }));

        using var data = DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.Csv, CsvPath: path, ValidationSplit: 0.2, Normalize: "none", LabelColumn: labelColumn), 9, CPU);

        Assert.Equal(SampleShape.Vector(3), data.Shape);
        AssertAligned(data.Train.select(1, 0), data.TrainLabels!);
        AssertAligned(data.Validation.select(1, 0), data.ValidationLabels!);
        Assert.Equal(-49f, data.Train.select(1, 2).min().item<float>(), 0f);
    }

    [Theory]
    [InlineData("species", "no column named 'species'")]
    [InlineData("7", "past the last column")]
    [InlineData("f1", "not a class label")]
    public void A_csv_label_column_that_does_not_hold_labels_names_the_field(string labelColumn, string message)
    {
        var path = WriteCsv(["f0", "f1"], Enumerable.Range(0, 20).Select(r => new double[] { r % 2, r + 0.5 }));

        var error = Assert.Throws<InvalidDataException>(() =>
            DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.Csv, CsvPath: path, LabelColumn: labelColumn), 1, CPU));

        Assert.StartsWith("dataset.label_column:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static void AssertAligned(Tensor expected, Tensor labels) =>
        Assert.Equal(expected.to_type(ScalarType.Int64).data<long>().ToArray(), labels.data<long>().ToArray());

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

    private static string WriteCsv(string[] header, IEnumerable<double[]> rows)
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "labelled.csv");
        File.WriteAllLines(path, [string.Join(',', header), .. rows.Select(r => string.Join(',', r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))]);
        return path;
    }
}
