using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Training;
using AeSweep.Training.Fusion;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Trains a pack of built-in trials with one fusion key (execution.fuse) through <see cref="FusedTrainer"/>. Each
/// member keeps its own reporter: its epochs go to the coordinator under its own lease (the pruner judges each member
/// alone; a pruned or stopped member leaves the pack and the others go on), its checkpoints are recorded for it alone.
/// </summary>
internal static class FusedPackRunner
{
    /// <summary>
    /// The fusion key of a built-in trial with these parameters on <paramref name="device"/> (null: never fused —
    /// a program sweep, a family the fused trainer does not support, or a trial resuming from a checkpoint).
    /// </summary>
    public static string? KeyOf(IReadOnlyDictionary<string, Core.Search.ParameterValue> parameters, string? resumeFrom, TrainingSpec training, string device)
    {
        if (training.Program is not null || training.Dataset is not { } dataset)
        {
            return null;
        }

        try
        {
            return FusedTrainer.FusionKey(new TrainingRequest(parameters, dataset, Seed: 0, ArtifactDirectory: string.Empty, ResumeFrom: resumeFrom, Device: device));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // A configuration the trainer will reject trains alone and fails there, with the trainer's own reason.
            return null;
        }
    }

    /// <summary>How many trials of <paramref name="assignment"/>'s sweep one slot of this worker packs (1: none).</summary>
    public static int PackSize(TrialAssignment assignment, string device)
    {
        var family = assignment.Parameters.TryGetValue(SweepDefinition.ModelParameter, out var model) ? model.AsString() : ParameterCatalog.Model.DefaultChoice;
        return FusionPolicy.Resolve(assignment.Training.Fuse, device, family);
    }

    /// <summary>
    /// Trains the members to their ends; one result per member, in order: <see cref="TrialRunResult.Abandoned"/> for a
    /// member this worker lost (its reporter answered stop) or when <paramref name="cancellationToken"/> stopped the pack.
    /// </summary>
    public static IReadOnlyList<TrialRunResult> Run(IReadOnlyList<TrialRunContext> members, CancellationToken cancellationToken)
    {
        var requests = members.Select(BuiltInTrialRunner.RequestFor).ToList();
        var observers = members.Select(m => new ReportingObserver(m.Reporter, stop: null)).ToList();
        var results = FusedTrainer.Train(requests, [.. observers], TimeProvider.System, cancellationToken);
        return [.. results.Select((result, i) => observers[i].Stopped || cancellationToken.IsCancellationRequested
            ? TrialRunResult.Abandoned
            : BuiltInTrialRunner.ResultOf(result))];
    }
}
