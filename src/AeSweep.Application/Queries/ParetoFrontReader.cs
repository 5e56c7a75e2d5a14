using System.Globalization;
using AeSweep.Application.Contracts;
using AeSweep.Core.Catalog;
using AeSweep.Core.Search.MultiObjective;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// A multi-objective sweep's Pareto front, from its completed trials' stored metrics: each trial's objective values
/// (<see cref="ObjectiveValues"/>, as the sweep's policy judged them), non-dominated sorting in the core
/// (<see cref="ParetoFront"/>), ordered by the first objective. Failed, pruned and cancelled trials are not compared.
/// </summary>
public sealed class ParetoFrontReader(ISweepRepository store, StoredDefinitionCache definitions) : IParetoQueries
{
    /// <summary>The refusal for a sweep with one objective.</summary>
    public static string SingleObjectiveRefusal(string sweepId, string metric) =>
        $"sweep {sweepId} has one objective (metric: {metric}); a Pareto front needs metrics: with 2 or 3 objectives";

    public async Task<ParetoLookup> GetParetoFrontAsync(string sweepId, CancellationToken cancellationToken)
    {
        // The definition decides first: a single-objective sweep (every sweep page asks) never loads its trials.
        if (await store.GetSweepAsync(sweepId, cancellationToken) is not { } sweep)
        {
            return ParetoLookup.NotFound;
        }

        var definition = definitions.Read(sweep);
        if (definition is not { IsMultiObjective: true })
        {
            return new ParetoLookup(true, null, SingleObjectiveRefusal(sweepId, sweep.MetricName));
        }

        if (await store.GetSweepHistoryAsync(sweepId, cancellationToken) is not { } history)
        {
            return ParetoLookup.NotFound;
        }

        var objectives = definition.Objectives;
        var candidates = new List<(Storage.Model.TrialSnapshot Trial, double[] Values, IReadOnlyDictionary<string, double> Metrics)>();
        foreach (var trial in history.Trials.Where(t => t.State == TrialState.Completed).OrderBy(t => t.Number))
        {
            var (values, metrics, _) = ObjectiveValues.Resolve(objectives, trial.FinalMetrics ?? new Dictionary<string, double>(), trial.Parameters);
            if (values is not null)
            {
                candidates.Add((trial, values, metrics));
            }
        }

        var minimised = candidates.Select(c => (IReadOnlyList<double>)[.. c.Values.Select((v, k) => objectives[k].Goal.ToMinimized(v))]).ToList();
        var front = ParetoFront.Indices(minimised)
            .OrderBy(i => minimised[i][0])
            .ThenBy(i => candidates[i].Trial.Number)
            .Select(i => new ParetoTrialView(
                candidates[i].Trial.Id,
                candidates[i].Trial.Number,
                ContractMapping.Parameters(candidates[i].Trial.Parameters),
                ContractMapping.Metrics(candidates[i].Metrics),
                candidates[i].Values))
            .ToList();
        var view = new ParetoFrontView(
            sweepId,
            [.. objectives.Select(o => new ParetoObjectiveView(o.Name, o.Goal == MetricGoal.Minimize ? "minimize" : "maximize", ObjectiveCatalog.Label(o.Name)))],
            front,
            candidates.Count,
            PcaCurve(history.Trials));
        return new ParetoLookup(true, view, null);
    }

    // The PCA baseline at each code size a trial reported it for (it depends only on the data and the code size, so
    // any trial with that code size gives the same value; the first one is taken).
    private static List<PcaCurvePointView> PcaCurve(IEnumerable<Storage.Model.TrialSnapshot> trials)
    {
        var curve = new SortedDictionary<int, double>();
        foreach (var trial in trials.OrderBy(t => t.Number))
        {
            if (trial.FinalMetrics is { } metrics
                && metrics.TryGetValue(MetricNames.PcaValidationMse, out var pca)
                && double.IsFinite(pca)
                && trial.Parameters.TryGetValue(ParameterNames.CodeSize, out var codeSize)
                && codeSize.IsNumeric)
            {
                curve.TryAdd(Convert.ToInt32(codeSize.AsDouble(), CultureInfo.InvariantCulture), pca);
            }
        }

        return [.. curve.Select(p => new PcaCurvePointView(p.Key, p.Value))];
    }
}
