using System.Buffers;
using System.Text;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Reads UTF-8 lines from a program's output without ever holding more than <c>maxLineBytes</c> of one line: the
/// rest of a longer line is read and dropped (the line comes back cut), so a trainer that prints a line of gigabytes
/// costs no memory.
/// </summary>
internal sealed class BoundedLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The next line without its line ending, or null at the end of the stream.</summary>
    public async ValueTask<ProgramLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.ResetWrittenCount();
        var cut = false;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof)
                {
                    return any ? Finish(cut) : null;
                }

                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                _eof = _end == 0;
                continue;
            }

            any = true;
            var chunk = _buffer.AsSpan(_start, _end - _start);
            var newline = chunk.IndexOf((byte)'\n');
            var take = newline < 0 ? chunk : chunk[..newline];
            var room = maxLineBytes - _line.WrittenCount;
            if (take.Length > room)
            {
                cut = true;
                take = take[..room];
            }

            _line.Write(take);
            _start += newline < 0 ? chunk.Length : newline + 1;
            if (newline >= 0)
            {
                return Finish(cut);
            }
        }
    }

    private ProgramLine Finish(bool cut)
    {
        var bytes = _line.WrittenSpan;
        if (!cut && bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new ProgramLine(Encoding.UTF8.GetString(bytes), cut);
    }
}
