using System.Collections.Immutable;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search.WarmStart;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Storage.WarmStart;

/// <summary>
/// Reads the earlier sweeps a definition's <c>warm_start:</c> names through the repository and selects the trials that
/// fit (<see cref="WarmStartImport.Select"/>). The one reader for both users: the coordinator, which shows them to its
/// sampler, and the sweep's detail, which shows how many were imported. Adds no schema: the trials stay where they are.
/// </summary>
public static class WarmStartLoader
{
    /// <summary>The import for <paramref name="definition"/>; <see cref="WarmStartImport.None"/> without <c>warm_start:</c>.</summary>
    public static async Task<WarmStartImport> LoadAsync(ISweepRepository sweeps, SweepDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.WarmStart is not { } warmStart)
        {
            return WarmStartImport.None;
        }

        var sources = new List<WarmStartSource>();
        var missing = new List<string>();
        foreach (var id in warmStart.FromSweeps)
        {
            if (await sweeps.GetSweepHistoryAsync(id, cancellationToken) is { } history)
            {
                sources.Add(new WarmStartSource(id, new MetricSpec(history.Sweep.MetricName, history.Sweep.MetricGoal), FinishedTrials(definition, history)));
            }
            else
            {
                missing.Add(id);
            }
        }

        return WarmStartImport.Select(definition, sources, missing);
    }

    /// <summary>The ids among <paramref name="ids"/> that name no stored sweep, with their index in the list.</summary>
    public static async Task<IReadOnlyList<(int Index, string Id)>> MissingAsync(ISweepRepository sweeps, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var missing = new List<(int, string)>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (await sweeps.GetSweepAsync(ids[i], cancellationToken) is null)
            {
                missing.Add((i, ids[i]));
            }
        }

        return missing;
    }

    // The earlier sweep's completed and pruned search trials with this sweep's metric: the final value, the intermediate
    // values by epoch and, for a multi-objective sweep, the objective values from the final metrics.
    private static List<FrozenTrial> FinishedTrials(SweepDefinition definition, SweepHistory history)
    {
        var metric = definition.Metric.Name;
        var trials = new List<FrozenTrial>();
        foreach (var trial in history.Trials.Where(t => t.FinalistOf is null && t.State is TrialState.Completed or TrialState.Pruned))
        {
            var intermediate = history.EpochMetrics.TryGetValue(trial.Id, out var epochs)
                ? epochs.Where(e => e.Metrics.ContainsKey(metric)).GroupBy(e => e.Epoch).ToImmutableSortedDictionary(g => g.Key, g => g.Last().Metrics[metric])
                : ImmutableSortedDictionary<int, double>.Empty;
            trials.Add(FrozenTrial.Start(trial.Number, trial.Parameters) with
            {
                State = trial.State,
                Value = trial.ObjectiveValue,
                Reason = trial.Reason,
                IntermediateValues = intermediate,
                ObjectiveValues = StoredObjectiveValues.Of(definition, trial),
            });
        }

        return trials;
    }
}
