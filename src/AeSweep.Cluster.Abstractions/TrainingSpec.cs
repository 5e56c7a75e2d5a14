using System.Collections.Immutable;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// What a worker needs of its sweep to train one trial, typed: the dataset (built-in models) or the program (outside
/// trainers), the ranking metric, the per-trial time limit and the sweep's seed. Built once per sweep from the stored
/// definition by the dispatcher; no sweep file text crosses to workers, and workers parse nothing.
/// </summary>
/// <param name="Dataset">The dataset of a <c>model:</c> sweep; null for a program sweep.</param>
/// <param name="Program">The outside trainer of a <c>program:</c> sweep; null for a built-in model.</param>
/// <param name="MetricName">The metric a trial must report at its end (and per epoch for pruning).</param>
/// <param name="Goal">Whether smaller or larger values of the metric are better.</param>
/// <param name="MaxTrialMinutes">budget.max_trial_minutes: the wall-clock limit of one attempt (null: none).</param>
/// <param name="Seed">The sweep's seed: the data split's seed, and with the trial number the model's.</param>
/// <param name="Pruning">The sweep's early-termination rule (the coordinator prunes; workers only log it).</param>
[GenerateSerializer, Immutable, Alias("aesweep.training-spec")]
public sealed record TrainingSpec(
    [property: Id(0)] DatasetSpec? Dataset,
    [property: Id(1)] ProgramSpec? Program,
    [property: Id(2)] string MetricName,
    [property: Id(3)] MetricGoal Goal,
    [property: Id(4)] double? MaxTrialMinutes,
    [property: Id(5)] long Seed,
    [property: Id(6)] EarlyTerminateType Pruning)
{
    /// <summary><c>execution.checkpoint_seconds</c>: seconds of training between a built-in trial's checkpoints.</summary>
    [Id(7)]
    public int CheckpointSeconds { get; init; } = ExecutionSpec.DefaultCheckpointSeconds;

    /// <summary>
    /// <c>execution.fuse</c>: how many trials of the sweep with one fusion key a worker slot trains as a pack (null:
    /// <c>auto</c>, resolved by the worker for its device through <see cref="FusionPolicy"/>).
    /// </summary>
    [Id(9)]
    public int? Fuse { get; init; }

    /// <summary>The epochs at which the sweep's pruner judges (its rungs): a built-in trial checkpoints at each.</summary>
    [Id(8)]
    public ImmutableArray<int> RungEpochs { get; init; } = [];

    /// <summary>The training spec of <paramref name="definition"/>'s sweep, stored with <paramref name="seed"/>.</summary>
    public static TrainingSpec From(SweepDefinition definition, long seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new TrainingSpec(
            definition.Dataset,
            definition.Program,
            definition.Metric.Name,
            definition.Metric.Goal,
            definition.Budget.MaxTrialMinutes,
            seed,
            definition.EarlyTerminate.Type)
        {
            CheckpointSeconds = definition.Execution.CheckpointSeconds,
            Fuse = definition.Execution.Fuse,
            RungEpochs = [.. PruningRungs.Epochs(definition.EarlyTerminate, definition.EarlyTerminate.MaxEpochs ?? (int)ParameterCatalog.Epochs.Max)],
        };
    }
}
