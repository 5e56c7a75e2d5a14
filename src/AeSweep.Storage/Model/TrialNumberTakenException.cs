namespace AeSweep.Storage.Model;

/// <summary>
/// <see cref="ITrialQueue.AddTrialsAtAsync"/> was asked for numbers that are not the sweep's next free ones (another
/// writer added trials meanwhile): nothing was stored, and the caller must not reuse a seed derived from that number.
/// </summary>
public sealed class TrialNumberTakenException(string sweepId, int expectedNumber, int nextFreeNumber)
    : InvalidOperationException($"sweep {sweepId}: trial number {expectedNumber} is not the next free number ({nextFreeNumber}); another writer added trials")
{
    public string SweepId { get; } = sweepId;
    public int ExpectedNumber { get; } = expectedNumber;
    public int NextFreeNumber { get; } = nextFreeNumber;
}
