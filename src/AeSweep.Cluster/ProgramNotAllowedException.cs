namespace AeSweep.Cluster;

/// <summary>A <c>program:</c> sweep this process's <see cref="Core.Definitions.ProgramPolicy"/> does not allow; nothing was stored.</summary>
public sealed class ProgramNotAllowedException(string message) : Exception(message);
