namespace AeSweep.Worker.Devices;

/// <summary>
/// Recognises a CUDA out-of-memory error. libtorch raises it as a c10 error whose text starts "CUDA out of memory";
/// TorchSharp rethrows it as an <see cref="System.Runtime.InteropServices.ExternalException"/> (or a plain exception)
/// carrying that text, and the trainer turns it into its failure reason.
/// </summary>
public static class CudaOutOfMemory
{
    private const string Marker = "CUDA out of memory";

    /// <summary>True when <paramref name="text"/> (an exception message or a trial's failure reason) reports it.</summary>
    public static bool IsCause(string? text) =>
        text is not null && (text.Contains(Marker, StringComparison.OrdinalIgnoreCase) || text.Contains("CUDA error: out of memory", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="exception"/> or any exception inside it reports it.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (IsCause(e.Message) || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause)))
            {
                return true;
            }
        }

        return false;
    }
}
