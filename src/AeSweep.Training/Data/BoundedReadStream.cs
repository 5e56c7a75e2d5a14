namespace AeSweep.Training.Data;

/// <summary>
/// A read-only stream that stops with an error once more than <c>maxBytes</c> came through: the only reliable bound
/// for devices and pipes, whose length is unknown or zero, and for gzip content, whose size the file does not tell.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, string fileName) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the limit at most, so a file of exactly the limit still reads.
        var room = maxBytes - BytesRead + 1;
        var read = inner.Read(room < buffer.Length ? buffer[..(int)room] : buffer);
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new InvalidDataException(
                $"{fileName}: larger than {DatasetLimits.Describe(maxBytes)}, the limit for a dataset file ({DatasetLimits.MaxBytesVariable} raises it)");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
