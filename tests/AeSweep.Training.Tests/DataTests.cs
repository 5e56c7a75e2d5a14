using System.IO.Compression;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

public sealed class DataTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idx_files_are_read_raw_or_gzipped(bool gzip)
    {
        byte[] content = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var path = Path.Combine(TrainingFixture.TempDirectory(), "images.idx" + (gzip ? ".gz" : string.Empty));
        using (var file = File.Create(path))
        using (var stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file)
        {
            stream.Write(content);
        }

        var idx = IdxReader.Read(path);

        Assert.Equal([2, 2, 3], idx.Dimensions);
        Assert.Equal(6, idx.ItemSize);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (byte)i), idx.Values);
    }

    [Fact]
    public void The_split_depends_only_on_the_data_seed()
    {
        using var first = DatasetLoader.Load(TrainingFixture.Synthetic(100), 42, CPU);
        using var second = DatasetLoader.Load(TrainingFixture.Synthetic(100), 42, CPU);
        using var other = DatasetLoader.Load(TrainingFixture.Synthetic(100), 43, CPU);

        Assert.Equal(80, first.Train.shape[0]);
        Assert.Equal(20, first.Validation.shape[0]);
        Assert.True(first.Validation.allclose(second.Validation, rtol: 0, atol: 0));
        Assert.False(first.Validation.allclose(other.Validation, rtol: 0, atol: 0));
    }

    [Fact]
    public void Fashion_mnist_limit_slices_real_images_into_unit_floats()
    {
        using var data = DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: 500, ValidationSplit: 0.1), 1, CPU);

        Assert.Equal(SampleShape.Image(1, 28, 28), data.Shape);
        Assert.Equal(450, data.Train.shape[0]);
        Assert.Equal(10000, data.Test!.shape[0]);
        Assert.InRange(data.Train.max().item<float>(), 0.9f, 1f);
        Assert.Equal(0f, data.Train.min().item<float>());
        Assert.Equal(50, data.ValidationLabels!.shape[0]);
    }

    [Fact]
    public void Csv_minmax_uses_training_statistics_and_keeps_validation_in_the_unit_interval()
    {
        var csv = TrainingFixture.WriteCsv(TrainingFixture.TempDirectory(), (r, c) => (r * 3.0) - c, rows: 50, columns: 4);

        using var data = DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv, ValidationSplit: 0.2), 3, CPU);

        Assert.Equal(SampleShape.Vector(4), data.Shape);
        Assert.True(data.InUnitInterval);
        Assert.Equal(0f, data.Train.min().item<float>());
        Assert.Equal(1f, data.Train.max().item<float>());
        Assert.True(data.Validation.min().item<float>() >= 0 && data.Validation.max().item<float>() <= 1);
    }
}
