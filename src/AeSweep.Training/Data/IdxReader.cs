using System.Buffers.Binary;
using System.IO.Compression;

namespace AeSweep.Training.Data;

/// <summary>Reads IDX files (the MNIST format), gzip-compressed or raw — detected from the content, not the name.</summary>
public static class IdxReader
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads a file of unsigned bytes (images or labels).</summary>
    public static IdxFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file not found: {path}", path);
        }

        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        using var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        return Read(stream, path);
    }

    /// <summary>Reads IDX content from an uncompressed stream.</summary>
    public static IdxFile Read(Stream stream, string name)
    {
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
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
            stream.ReadExactly(dimension);
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(dimension);
        }

        if (dimensions.Length == 0 || dimensions.Any(d => d <= 0))
        {
            throw new InvalidDataException($"{name}: invalid IDX dimensions [{string.Join(", ", dimensions)}]");
        }

        var values = new byte[dimensions.Aggregate(1L, (a, b) => a * b)];
        stream.ReadExactly(values);
        return new IdxFile(dimensions, values);
    }
}
