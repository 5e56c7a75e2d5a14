using AeSweep.Core.Trials;
using AeSweep.Training;
using AeSweep.Worker.Devices;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Trains a <c>model:</c> sweep's trial with AeSweep's TorchSharp trainer: every epoch's sweep metric and val_mse go to
/// the coordinator (whose pruner may stop the trial); checkpoints follow the sweep's <c>execution.checkpoint_seconds</c> and
/// pruning rungs, and each is recorded so a lost trial resumes from it. A stopped trial (shutdown, lost lease) writes
/// its last epoch end's state before it returns.
/// </summary>
public sealed class BuiltInTrialRunner : ITrialRunner
{
    public bool CanRun(TrialRunContext context) => context.Program is null && context.Dataset is not null;

    public TrialRunResult Run(TrialRunContext context, CancellationToken cancellationToken)
    {
        var request = RequestFor(context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var observer = new ReportingObserver(context.Reporter, stop);
        var result = TrialTrainer.Train(request, observer, stop.Token);
        return observer.Stopped || cancellationToken.IsCancellationRequested ? TrialRunResult.Abandoned : ResultOf(result);
    }

    /// <summary>How a trial that trained to its end (not stopped) ended, as the worker reports it.</summary>
    internal static TrialRunResult ResultOf(TrainingResult result)
    {
        if (result.Outcome == TrainingOutcome.Failed && CudaOutOfMemory.IsCause(result.FailureReason))
        {
            return TrialRunResult.DeviceOutOfMemory(result.FailureReason!, result.EpochsRun);
        }

        var state = result.Outcome switch
        {
            TrainingOutcome.Completed => TrialState.Completed,
            TrainingOutcome.Pruned => TrialState.Pruned,
            TrainingOutcome.Cancelled => TrialState.Cancelled,
            _ => TrialState.Failed,
        };
        return new TrialRunResult(state, result.Metrics, result.Artifacts, result.FailureReason, result.EpochsRun);
    }

    /// <summary>What the trainer gets for <paramref name="context"/>'s trial.</summary>
    internal static TrainingRequest RequestFor(TrialRunContext context)
    {
        var assignment = context.Assignment;
        // One data split per sweep (same validation images in every gallery), one model seed per trial.
        return new TrainingRequest(
            assignment.Parameters,
            context.Dataset!,
            Seed: TrialSeed.Of(context.Training.Seed, assignment.Number),
            ArtifactDirectory: context.ArtifactDirectory,
            DataSeed: context.Training.Seed,
            ResumeFrom: assignment.ResumeFromCheckpoint,
            Device: context.Device,
            Threads: context.Threads,
            Metric: context.MetricName,
            CheckpointSeconds: context.Training.CheckpointSeconds,
            // A spec from a coordinator that predates rungs has none (and a cadence of 0: every epoch, as it did then).
            RungEpochs: context.Training.RungEpochs.IsDefault ? null : context.Training.RungEpochs);
    }
}
