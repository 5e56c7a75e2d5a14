using AeSweep.Core.Trials;

namespace AeSweep.Training.Tests;

/// <summary>Records every report; optionally prunes or stops after a given epoch, or runs an action per epoch.</summary>
internal sealed class RecordingObserver(int? pruneAfterEpoch = null, Action<EpochReport>? onEpoch = null, int? stopAfterEpoch = null) : ITrainingObserver
{
    public List<EpochReport> Reports { get; } = [];

    public List<CheckpointInfo> Checkpoints { get; } = [];

    public TrialDecision OnEpoch(EpochReport report)
    {
        Reports.Add(report);
        onEpoch?.Invoke(report);
        return report.Epoch == pruneAfterEpoch ? TrialDecision.Prune
            : report.Epoch == stopAfterEpoch ? TrialDecision.Stop
            : TrialDecision.Continue;
    }

    public void OnCheckpoint(CheckpointInfo checkpoint) => Checkpoints.Add(checkpoint);
}
