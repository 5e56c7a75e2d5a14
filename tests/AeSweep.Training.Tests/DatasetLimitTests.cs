using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>Dataset files that never end, lie in their headers or are cut off stop with an error naming the file.</summary>
public sealed class DatasetLimitTests
{
    private static readonly DatasetLimits Small = new(MaxBytes: 1 << 20, MaxLineChars: 64 * 1024);

    [Fact]
    public void A_truncated_idx_file_says_what_its_header_promised_and_what_it_holds()
    {
        var path = WriteIdx([60000, 28, 28], dataBytes: 1000, gzip: false);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Equal($"{path}: header says 60000 images of 28x28, the file holds 1,016 bytes (47,040,016 needed)", ex.Message);
    }

    [Fact]
    public void A_truncated_gzipped_idx_file_says_how_much_it_holds()
    {
        var path = WriteIdx([100], dataBytes: 40, gzip: true);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Equal($"{path}: header says 100 labels, the file holds 48 bytes of IDX data (108 needed)", ex.Message);
    }

    [Fact]
    public void An_idx_header_claiming_more_than_the_limit_is_refused_before_anything_is_allocated()
    {
        var path = WriteIdx([int.MaxValue, 28, 28], dataBytes: 16, gzip: true);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path, Small));

        Assert.StartsWith($"{path}: header says 2147483647 images of 28x28,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("larger than 1 MiB, the limit for a dataset file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idx_file_with_bytes_beyond_what_its_header_says_is_refused()
    {
        var path = WriteIdx([2, 2, 2], dataBytes: 20, gzip: false);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Equal($"{path}: header says 2 images of 2x2, the file holds 36 bytes (24 needed)", ex.Message);
    }

    [Fact]
    public void An_idx_file_cut_off_inside_its_header_says_so()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "short.idx");
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0]);

        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Equal($"{path}: the IDX header is cut off after 6 bytes", ex.Message);
    }

    [Fact]
    public void Dev_zero_as_a_csv_dataset_stops_with_an_error_within_bounded_time()
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes();

        var ex = Assert.Throws<InvalidDataException>(() => DatasetLoader.Load(new DatasetSpec(DatasetSourceKind.Csv, CsvPath: "/dev/zero"), 1, CPU));

        Assert.StartsWith("/dev/zero:1: a line longer than 16,777,216 characters", ex.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.True(GC.GetTotalAllocatedBytes() - before < 1L << 30, "allocated more than 1 GiB");
    }

    [Fact]
    public void Dev_zero_as_an_idx_dataset_stops_with_an_error()
    {
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.Read("/dev/zero", Small));

        Assert.StartsWith("/dev/zero: only unsigned-byte IDX data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_read_past_the_byte_limit_stops_even_with_long_lines_allowed()
    {
        var ex = Assert.Throws<InvalidDataException>(() => CsvTable.Read("/dev/zero", Small with { MaxLineChars = int.MaxValue }));

        Assert.Equal($"/dev/zero: larger than 1 MiB, the limit for a dataset file ({DatasetLimits.MaxBytesVariable} raises it)", ex.Message);
    }

    [Fact]
    public void A_csv_line_of_ten_megabytes_is_refused_past_the_line_limit()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "wide.csv");
        File.WriteAllText(path, "1,2,3\n4,5,6\n" + new string('7', 10 * 1024 * 1024) + "\n");

        var ex = Assert.Throws<InvalidDataException>(() => CsvTable.Read(path, new DatasetLimits(1L << 30, 1 << 20)));

        Assert.Equal($"{path}:3: a line longer than 1,048,576 characters, the limit for a CSV dataset ({DatasetLimits.MaxLineCharsVariable} raises it)", ex.Message);
    }

    [Fact]
    public void A_csv_file_over_the_byte_limit_is_refused_by_its_size()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "big.csv");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("1,2,3,4,5,6,7,8\n", 100_000)));

        var ex = Assert.Throws<InvalidDataException>(() => CsvTable.Read(path, Small));

        Assert.Equal($"{path}: 1,600,000 bytes, larger than 1 MiB, the limit for a dataset file ({DatasetLimits.MaxBytesVariable} raises it)", ex.Message);
    }

    [Fact]
    public void A_csv_within_the_limits_reads_with_any_line_ending()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "endings.csv");
        File.WriteAllText(path, "a,b\r\n1,2\r\n3,4\n5,6\r7,8");

        var (values, rows, columns) = CsvTable.Read(path, Small);

        Assert.Equal((4, 2), (rows, columns));
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f], values);
    }

    private static string WriteIdx(int[] dimensions, int dataBytes, bool gzip)
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "data.idx" + (gzip ? ".gz" : string.Empty));
        using var file = File.Create(path);
        using var stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : (Stream)file;
        stream.Write([0, 0, 8, (byte)dimensions.Length]);
        Span<byte> dimension = stackalloc byte[4];
        foreach (var d in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(dimension, d);
            stream.Write(dimension);
        }

        stream.Write(new byte[dataBytes]);
        return path;
    }
}
