using AeSweep.Core.Trials;

namespace AeSweep.Training;

/// <summary>
/// Receives a trial's progress on the training thread. Implementations must return quickly and must not block
/// on async work (the training thread holds TorchSharp dispose scopes, which are thread-static).
/// </summary>
public interface ITrainingObserver
{
    /// <summary>Called after every epoch's validation; the answer (e.g. the pruner's) decides whether training goes on: <see cref="TrialDecision.Prune"/> ends it as pruned, <see cref="TrialDecision.Stop"/> as cancelled.</summary>
    TrialDecision OnEpoch(EpochReport report);

    /// <summary>Called after the checkpoint of an epoch is safely on disk.</summary>
    void OnCheckpoint(CheckpointInfo checkpoint);
}
