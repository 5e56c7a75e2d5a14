using System.Threading.Channels;
using AeSweep.Core.Trials;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Reads a program's stdout and stderr on their own, in bounded lines: stdout lines wait in a short queue for the
/// trial's thread (which may block reporting an epoch), stderr keeps only its last lines for a failure's reason.
/// </summary>
internal sealed class ProgramOutput : IDisposable
{
    private readonly Channel<ProgramLine> _lines = Channel.CreateBounded<ProgramLine>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
    private readonly Queue<string> _stderr = new();
    private readonly int _stderrLinesKept;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;
    private Task<bool>? _waiting;

    public ProgramOutput(Stream stdout, Stream stderr, int maxLineBytes, int stderrLinesKept)
    {
        _stderrLinesKept = stderrLinesKept;
        _stdoutPump = Task.Run(() => PumpStdoutAsync(new BoundedLineReader(stdout, maxLineBytes)));
        _stderrPump = Task.Run(() => PumpStderrAsync(new BoundedLineReader(stderr, maxLineBytes)));
    }

    public enum Outcome
    {
        Line,
        EndOfOutput,
        Interrupted,
    }

    /// <summary>
    /// The next stdout line; <see cref="Outcome.EndOfOutput"/> once every writer closed it; <see cref="Outcome.Interrupted"/>
    /// when <paramref name="interrupt"/> completes first (the same wait goes on at the next call).
    /// </summary>
    /// <exception cref="OperationCanceledException">The trial was cancelled.</exception>
    public Outcome Read(Task interrupt, CancellationToken cancellationToken, out ProgramLine line)
    {
        while (true)
        {
            if (_lines.Reader.TryRead(out line))
            {
                return Outcome.Line;
            }

            _waiting ??= _lines.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
            if (Task.WaitAny([_waiting, interrupt], cancellationToken) == 1 && !_waiting.IsCompleted)
            {
                return Outcome.Interrupted;
            }

            var more = _waiting.Result;
            _waiting = null;
            if (!more)
            {
                return Outcome.EndOfOutput;
            }
        }
    }

    /// <summary>Waits (bounded) until stderr has been read to its end, so a failure's reason has the last words.</summary>
    public void WaitForStderrEnd(TimeSpan patience) => _stderrPump.Wait(patience);

    /// <summary>The program's last stderr lines, each bounded, or nothing.</summary>
    public string StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? string.Empty : "; stderr: " + string.Join(" | ", _stderr);
        }
    }

    /// <summary>Stops reading (a leftover process that no kill reached may hold the pipes open forever).</summary>
    public void Dispose()
    {
        _stop.Cancel();
        Task.WhenAll(_stdoutPump, _stderrPump).Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task PumpStdoutAsync(BoundedLineReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                await _lines.Writer.WriteAsync(line, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped, or the pipe went away: the output ends here.
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private async Task PumpStderrAsync(BoundedLineReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var text = ReasonLimit.Apply(line.Text) + (line.Cut ? " … [line cut]" : string.Empty);
                lock (_stderr)
                {
                    _stderr.Enqueue(text);
                    while (_stderr.Count > _stderrLinesKept)
                    {
                        _stderr.Dequeue();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Stopped, or the pipe went away.
        }
    }
}
