namespace AeSweep.Training.Tests;

/// <summary>Records every report; optionally prunes after a given epoch or runs an action per epoch.</summary>
internal sealed class RecordingObserver(int? pruneAfterEpoch = null, Action<EpochReport>? onEpoch = null) : ITrainingObserver
{
    public List<EpochReport> Reports { get; } = [];

    public List<CheckpointInfo> Checkpoints { get; } = [];

    public EpochDecision OnEpoch(EpochReport report)
    {
        Reports.Add(report);
        onEpoch?.Invoke(report);
        return report.Epoch == pruneAfterEpoch ? EpochDecision.Prune : EpochDecision.Continue;
    }

    public void OnCheckpoint(CheckpointInfo checkpoint) => Checkpoints.Add(checkpoint);
}
