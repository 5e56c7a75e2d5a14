using AeSweep.Cluster.Abstractions;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker;

/// <summary>Forwards a trial's reports to its sweep's coordinator grain, blocking the trial's own thread.</summary>
internal sealed class CoordinatorReporter(ISweepCoordinatorGrain coordinator, TrialLeaseToken lease, CancellationToken cancellationToken) : ITrialReporter
{
    public EpochVerdict ReportEpoch(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return EpochVerdict.Stop;
        }

        return coordinator.ReportEpochAsync(lease, epoch, metrics.ToDictionary(StringComparer.Ordinal)).GetAwaiter().GetResult();
    }

    public void ReportCheckpoint(int epoch, string path) =>
        coordinator.RecordCheckpointAsync(lease, epoch, path).GetAwaiter().GetResult();
}
