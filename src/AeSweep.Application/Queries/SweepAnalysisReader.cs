using AeSweep.Application.Views;
using AeSweep.Core.Analysis;
using AeSweep.Core.Trials;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// A sweep's analysis (history, learning curves, parallel coordinates, importance, gallery) in three store reads sized
/// for 10,000 trials: every trial without epochs (<c>ListAllTrialsAsync</c>), then the epochs of the trials whose
/// learning curves are drawn only (<c>GetEpochMetricsAsync</c>). Charts get at most <see cref="MaxChartTrials"/> trials
/// (<see cref="ChartSampling"/>); importance is computed over every completed trial. The definition is read once per sweep.
/// </summary>
public sealed class SweepAnalysisReader(ISweepReadModel store, StoredDefinitionCache definitions)
{
    /// <summary>The most trials a chart draws.</summary>
    public const int MaxChartTrials = 2000;

    /// <summary>The most learning curves drawn.</summary>
    public const int MaxCurveTrials = 100;

    public async Task<SweepAnalysis?> GetAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.ListAllTrialsAsync(sweepId, cancellationToken) is not { } all)
        {
            return null;
        }

        var sweep = RecordMapping.Sweep(all.Sweep);
        var design = RecordMapping.Design(definitions.Read(all.Sweep));
        var trials = all.Trials.OrderBy(t => t.Number).Select(RecordMapping.Trial).ToList();
        var shown = ChartSampling.ForCharts(trials, sweep.MetricGoal, MaxChartTrials);
        var (curves, _) = ChartSampling.ForCurves(shown, sweep.MetricGoal, MaxCurveTrials);
        var epochs = await store.GetEpochMetricsAsync([.. curves.Select(t => t.Id)], cancellationToken);
        var counts = Enum.GetValues<TrialState>().ToDictionary(s => s, s => 0);
        foreach (var trial in trials)
        {
            counts[trial.State]++;
        }

        var importance = await Task.Run(() => Importance(trials, design, sweep.MetricGoal), cancellationToken);
        return new SweepAnalysis(
            sweep,
            design,
            shown,
            epochs.ToDictionary(e => e.Key, e => RecordMapping.Epochs(e.Value), StringComparer.Ordinal),
            new AnalysisSample(trials.Count, counts, shown.Count, curves.Count, trials.Count(t => t.StartedAt is not null)),
            importance);
    }

    /// <summary>PED-ANOVA over the completed search trials (finalist reruns repeat a configuration, so they are left out).</summary>
    internal static ImportanceEstimates Importance(IReadOnlyList<TrialRecord> trials, SweepDesign? design, MetricGoal goal)
    {
        var completed = trials.Where(t => t.State == TrialState.Completed && !t.IsFinalistRun && t.ObjectiveValue is not null).ToList();
        var names = design?.Parameters.Where(p => !design.Constants.Contains(p)).ToList()
            ?? [.. completed.SelectMany(t => t.Parameters.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var samples = completed.Select(t => new ImportanceTrial(t.Parameters, goal.ToMinimized(t.ObjectiveValue!.Value))).ToList();
        return PedAnovaImportance.Compute(samples, names, name => design?.LogScale.Contains(name) == true);
    }
}
