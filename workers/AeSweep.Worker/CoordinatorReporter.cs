using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker;

/// <summary>
/// Forwards a trial's reports to its sweep's coordinator grain, blocking the trial's own thread. A coordinator that
/// dies takes Orleans some seconds to notice and reactivate elsewhere (or to restart); reports are idempotent, so
/// they are retried through that gap instead of failing a trial that is training fine.
/// </summary>
internal sealed class CoordinatorReporter(
    ISweepCoordinatorGrain coordinator,
    TrialLeaseToken lease,
    TimeSpan patience,
    Action<double> epochFinished,
    CancellationToken cancellationToken) : ITrialReporter
{
    private long _lastReport = System.Diagnostics.Stopwatch.GetTimestamp();

    public TrialDecision ReportEpoch(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return TrialDecision.Stop;
        }

        epochFinished(System.Diagnostics.Stopwatch.GetElapsedTime(_lastReport).TotalSeconds);
        _lastReport = System.Diagnostics.Stopwatch.GetTimestamp();
        var copy = metrics.ToDictionary(StringComparer.Ordinal);
        try
        {
            return ClusterCall.WithRetries(() => coordinator.ReportEpochAsync(lease, epoch, copy), patience, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (lost lease, shutdown) while the report was retried: the trial stops, as if the coordinator said so.
            return TrialDecision.Stop;
        }
    }

    public void ReportCheckpoint(int epoch, string path)
    {
        try
        {
            ClusterCall.WithRetries(async () => { await coordinator.RecordCheckpointAsync(lease, epoch, path); return true; }, patience, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped meanwhile: the checkpoint is on disk, and a trial this worker no longer holds records nothing.
        }
    }
}
