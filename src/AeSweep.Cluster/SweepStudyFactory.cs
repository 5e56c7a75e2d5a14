using System.Collections.Immutable;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Search.WarmStart;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster;

/// <summary>
/// Rebuilds a sweep's <see cref="Study"/> from the store: finished trials with their values, unfinished ones as in
/// flight, and every trial's intermediate values of the ranking metric, so sampler and pruner see what happened.
/// </summary>
public static class SweepStudyFactory
{
    /// <exception cref="StoredSweepDocumentException">The stored document cannot be understood (never for a rule tightened since).</exception>
    public static SweepDefinition ParseStoredDefinition(SweepSnapshot sweep) => StoredSweepDocument.Read(sweep.DefinitionText);

    /// <param name="definition">The sweep.</param>
    /// <param name="history">Its stored trials.</param>
    /// <param name="numberByTrialId">Filled with the trials' numbers by id.</param>
    /// <param name="warmStart">Trials of earlier sweeps (<c>warm_start:</c>) the sampler sees before the sweep's own; null: none.</param>
    public static Study Create(SweepDefinition definition, SweepHistory history, out Dictionary<string, int> numberByTrialId, WarmStartImport? warmStart = null)
    {
        var metric = history.Sweep.MetricName;
        numberByTrialId = new Dictionary<string, int>(StringComparer.Ordinal);
        var trials = new List<FrozenTrial>();
        // Finalist runs (finalize:) retrain a search trial with a new seed: the sampler must not learn from them twice.
        foreach (var trial in history.Trials.Where(t => t.FinalistOf is null))
        {
            numberByTrialId[trial.Id] = trial.Number;
            var intermediate = history.EpochMetrics.TryGetValue(trial.Id, out var epochs)
                ? epochs.Where(e => e.Metrics.ContainsKey(metric)).ToDictionary(e => e.Epoch, e => e.Metrics[metric])
                : [];
            var state = trial.State is TrialState.Pending ? TrialState.Running : trial.State;
            trials.Add(FrozenTrial.Start(trial.Number, trial.Parameters) with
            {
                State = state,
                Value = trial.ObjectiveValue,
                Reason = trial.Reason,
                IntermediateValues = intermediate.ToImmutableSortedDictionary(),
                ObjectiveValues = StoredObjectiveValues.Of(definition, trial),
            });
        }

        var seed = history.Sweep.Seed ?? 0;
        var epochsMax = definition.SearchSpace.Find(AeSweep.Core.Catalog.ParameterNames.Epochs)?.Distribution.NumericRange?.Max;
        return new Study(
            definition.SearchSpace,
            WarmStartSampler.Wrap(SamplerFactory.Create(definition, seed), definition.Method, warmStart ?? WarmStartImport.None),
            PrunerFactory.Create(definition.EarlyTerminate, epochsMax is { } e ? (int)e : null),
            definition.Metric.Goal,
            trials);
    }

    /// <summary>The failure streak of the stored trials, replayed in the order they finished.</summary>
    public static FailureStreak FailureStreakOf(SweepHistory history) =>
        FailureStreak.FromOutcomes(history.Trials
            .Where(t => t.FinishedAt is not null && t.FinalistOf is null)
            .OrderBy(t => t.FinishedAt)
            .ThenBy(t => t.Number)
            .Select(t => (t.State, t.Reason)));
}
