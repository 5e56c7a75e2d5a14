namespace AeSweep.Cli.Remote;

/// <summary>A remote call that failed, with the message to print and the exit code to return.</summary>
internal sealed class RemoteApiException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
