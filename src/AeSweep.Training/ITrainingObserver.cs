using AeSweep.Core.Trials;

namespace AeSweep.Training;

/// <summary>
/// Receives a trial's progress: epochs on the training thread, checkpoints on the checkpoint writer's thread.
/// Implementations must return quickly and must not block on async work (the training thread holds TorchSharp
/// dispose scopes, which are thread-static).
/// </summary>
public interface ITrainingObserver
{
    /// <summary>Called after every epoch's validation; the answer (e.g. the pruner's) decides whether training goes on: <see cref="TrialDecision.Prune"/> ends it as pruned, <see cref="TrialDecision.Stop"/> as cancelled.</summary>
    TrialDecision OnEpoch(EpochReport report);

    /// <summary>
    /// Called after a checkpoint is safely on disk — on the checkpoint writer's thread, not the training thread (one
    /// call at a time, and always before <see cref="TrialTrainer.Train(TrainingRequest, ITrainingObserver, CancellationToken)"/> returns).
    /// </summary>
    void OnCheckpoint(CheckpointInfo checkpoint);
}
