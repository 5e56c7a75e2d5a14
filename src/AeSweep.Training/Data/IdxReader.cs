using System.Buffers.Binary;
using System.IO.Compression;

namespace AeSweep.Training.Data;

/// <summary>
/// Reads IDX files (the MNIST format), gzip-compressed or raw — detected from the content, not the name. The header's
/// sizes are checked against the file and against <see cref="DatasetLimits"/> before anything is allocated, so a
/// truncated file or a lying header names itself instead of "Unable to read beyond the end of the stream".
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads a file of unsigned bytes (images or labels) within the limits from the environment.</summary>
    public static IdxFile Read(string path) => Read(path, DatasetLimits.FromEnvironment());

    /// <summary>Reads a file of unsigned bytes (images or labels) within <paramref name="limits"/>.</summary>
    public static IdxFile Read(string path, DatasetLimits limits)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file not found: {path}", path);
        }

        var length = new FileInfo(path).Length;
        if (length > limits.MaxBytes)
        {
            throw new InvalidDataException($"{path}: {length:N0} bytes, larger than {DatasetLimits.Describe(limits.MaxBytes)}, the limit for a dataset file ({DatasetLimits.MaxBytesVariable} raises it)");
        }

        using var file = File.OpenRead(path);
        if (!file.CanSeek)
        {
            throw new InvalidDataException($"{path}: not a regular file (a pipe or socket); an IDX dataset is a file");
        }

        Span<byte> magic = stackalloc byte[2];
        var gzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        using var stream = new BoundedReadStream(gzip ? new GZipStream(file, CompressionMode.Decompress) : file, limits.MaxBytes, path);
        // A device (/dev/zero) reports length 0: only a regular file's length can be held against the header.
        return Read(stream, path, gzip || length == 0 ? null : length, limits);
    }

    /// <summary>Reads IDX content from an uncompressed stream.</summary>
    public static IdxFile Read(Stream stream, string name) => Read(stream, name, null, DatasetLimits.FromEnvironment());

    private static IdxFile Read(Stream stream, string name, long? fileLength, DatasetLimits limits)
    {
        long consumed = 0;
        Span<byte> header = stackalloc byte[4];
        ReadHeader(stream, header, name, ref consumed);
        if (header[0] != 0 || header[1] != 0)
        {
            throw new InvalidDataException($"{name} is not an IDX file (bad magic number)");
        }

        if (header[2] != UnsignedByte)
        {
            throw new InvalidDataException($"{name}: only unsigned-byte IDX data is supported (type 0x{header[2]:x2})");
        }

        var dimensions = new int[header[3]];
        Span<byte> dimension = stackalloc byte[4];
        for (var i = 0; i < dimensions.Length; i++)
        {
            ReadHeader(stream, dimension, name, ref consumed);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(dimension);
        }

        if (dimensions.Length == 0 || dimensions.Any(d => d <= 0))
        {
            throw new InvalidDataException($"{name}: invalid IDX dimensions [{string.Join(", ", dimensions)}]");
        }

        var needed = dimensions.Aggregate(1.0, (a, b) => a * b);
        if (needed > limits.MaxBytes || needed > Array.MaxLength)
        {
            throw new InvalidDataException($"{name}: header says {Describe(dimensions)}, {needed:N0} bytes, larger than {DatasetLimits.Describe(Math.Min(limits.MaxBytes, Array.MaxLength))}, the limit for a dataset file");
        }

        if (fileLength is { } length && length != consumed + (long)needed)
        {
            throw new InvalidDataException($"{name}: header says {Describe(dimensions)}, the file holds {length:N0} bytes ({consumed + (long)needed:N0} needed)");
        }

        var values = new byte[(long)needed];

        var read = stream.ReadAtLeast(values, values.Length, throwOnEndOfStream: false);
        if (read < values.Length)
        {
            throw new InvalidDataException($"{name}: header says {Describe(dimensions)}, the file holds {consumed + read:N0} bytes{(fileLength is null ? " of IDX data" : string.Empty)} ({consumed + values.Length:N0} needed)");
        }

        return new IdxFile(dimensions, values);
    }

    private static void ReadHeader(Stream stream, Span<byte> buffer, string name, ref long consumed)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        consumed += read;
        if (read < buffer.Length)
        {
            throw new InvalidDataException($"{name}: the IDX header is cut off after {consumed:N0} bytes");
        }
    }

    /// <summary>What the header promises, in the words of the data: "60000 images of 28x28", "60000 labels".</summary>
    private static string Describe(int[] dimensions) => dimensions.Length switch
    {
        1 => $"{dimensions[0]} labels",
        2 => $"{dimensions[0]} rows of {dimensions[1]} values",
        _ => $"{dimensions[0]} images of {string.Join("x", dimensions.Skip(1))}",
    };
}
