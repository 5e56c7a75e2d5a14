using AeSweep.Core.Catalog;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>
/// A validated sweep: what to train on, what to search and how, when to stop. Immutable; produced
/// only by <c>SweepDefinitionParser</c> (which validates) or by code that builds a valid one.
/// </summary>
/// <param name="Name">A human name for the sweep.</param>
/// <param name="Dataset">The data (null only for <c>program:</c> sweeps, whose program loads its own).</param>
/// <param name="Program">An external trainer, or null for AeSweep's own training.</param>
/// <param name="Method">Grid, random, TPE or auto.</param>
/// <param name="Metric">The ranking metric and its goal.</param>
/// <param name="SearchSpace">
/// The hyperparameters. For built-in training the model family is itself the parameter
/// <c>model</c> (constant or categorical), so a sweep over families is an ordinary search.
/// </param>
/// <param name="EarlyTerminate">The pruner.</param>
/// <param name="Budget">Trial, parallelism and time limits.</param>
/// <param name="Seed">Seed for sampling and training; null: chosen at submission.</param>
public sealed record SweepDefinition(
    string Name,
    DatasetSpec? Dataset,
    ProgramSpec? Program,
    SearchMethod Method,
    MetricSpec Metric,
    SearchSpace SearchSpace,
    EarlyTerminateSpec EarlyTerminate,
    BudgetSpec Budget,
    long? Seed)
{
    /// <summary>The name of the parameter that carries the model family in built-in sweeps.</summary>
    public const string ModelParameter = ParameterNames.Model;

    /// <summary>
    /// With <see cref="SearchMethod.Tpe"/>: model the parameters jointly (multivariate TPE with the group
    /// decomposition) instead of one by one. Off by default: one by one measured better on the benchmark
    /// functions (docs/benchmarks/search.md).
    /// </summary>
    public bool TpeMultivariate { get; init; }

    /// <summary>How workers run the trials (<c>execution:</c>); defaults when the file has no such section.</summary>
    public ExecutionSpec Execution { get; init; } = ExecutionSpec.Default;

    /// <summary>Seed-robust finalists (<c>finalize:</c>); null when the sweep has none.</summary>
    public FinalizeSpec? Finalize { get; init; }
    /// <summary>
    /// The objectives of a multi-objective sweep (<c>metrics:</c>, 2 or 3), in the file's order; empty for a
    /// single-objective sweep. When set, <see cref="Metric"/> is the first of them: it orders the Pareto front and names
    /// the sweep's "best" trial (the front's best by the first objective).
    /// </summary>
    public ObjectiveList Objectives { get; init; } = ObjectiveList.Empty;

    /// <summary>Whether the sweep has several objectives (<c>metrics:</c>) and looks for their Pareto front.</summary>
    public bool IsMultiObjective => Objectives.Count > 1;

    /// <summary>The dialect the sweep file was written in (<c>aesweep validate</c> says which, and why).</summary>
    public SweepFlavor Flavor { get; init; } = SweepFlavor.AeSweep;

    /// <summary>
    /// Labels kept from the file without meaning to the engine: a W&amp;B file's <c>project</c>, <c>entity</c> and
    /// <c>description</c>. Empty for most sweeps.
    /// </summary>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, string> Labels { get; init; } =
        System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The method as the file named it where that differs from <see cref="Method"/> (W&amp;B's <c>bayes</c>, run as auto); null otherwise.</summary>
    public string? MethodAlias { get; init; }

    /// <summary>
    /// The rules every configuration must satisfy (<c>constraints:</c>); empty when the file has none. Samplers never
    /// suggest a configuration that breaks one; enqueued configurations are checked with <see cref="Search.Constraints.SweepConstraints.Check"/>.
    /// </summary>
    public Search.Constraints.SweepConstraints Constraints { get; init; } = Search.Constraints.SweepConstraints.Empty;

    /// <summary>The earlier sweeps whose finished trials inform the sampler (<c>warm_start:</c>); null when none.</summary>
    public WarmStartSpec? WarmStart { get; init; }

    /// <summary>The model families this sweep may train (empty for <c>program:</c> sweeps).</summary>
    public IReadOnlyList<ModelFamily> ModelFamilies =>
        SearchSpace.Find(ModelParameter) is { } p
            ? p.Distribution.EnumerateValues().Select(v => ModelFamilyNames.Parse(v.AsString())).ToArray()
            : [];

    /// <summary>Configurations to run before any sampled trial (<c>enqueue:</c>), each checked against the space; empty when none.</summary>
    public EnqueueList Enqueue { get; init; } = EnqueueList.Empty;
}
