using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;
using AeSweep.Training;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Passes one trial's epochs (with its train loss and epoch time) and checkpoints to its reporter; the coordinator's
/// answer decides whether it goes on. <see cref="TrialDecision.Stop"/> means this worker lost the trial: it stops and
/// reports nothing.
/// </summary>
/// <param name="reporter">The trial's reporter.</param>
/// <param name="stop">Cancelled on a stop, so a lone trial stops at once; null in a fused pack, where the answer alone takes the member out.</param>
internal sealed class ReportingObserver(ITrialReporter reporter, CancellationTokenSource? stop) : ITrainingObserver
{
    /// <summary>Whether the coordinator (or a lost lease) stopped the trial.</summary>
    public bool Stopped { get; private set; }

    public TrialDecision OnEpoch(EpochReport report)
    {
        var metrics = new Dictionary<string, double>(report.Metrics, StringComparer.Ordinal)
        {
            [MetricNames.TrainLoss] = report.TrainLoss,
            [MetricNames.EpochSeconds] = report.Seconds,
        };
        var decision = reporter.ReportEpoch(report.Epoch, metrics);
        if (decision == TrialDecision.Stop)
        {
            Stopped = true;
            stop?.Cancel();
        }

        return decision;
    }

    public void OnCheckpoint(CheckpointInfo checkpoint) => reporter.ReportCheckpoint(checkpoint.Epoch, checkpoint.Directory);
}
