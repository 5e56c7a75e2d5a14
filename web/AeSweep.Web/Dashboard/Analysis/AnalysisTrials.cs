using AeSweep.Application.Views;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Analysis;

/// <summary>
/// Which trials the analysis tabs (history, parallel coordinates, slices, contour, EDF, importance, gallery) draw:
/// the completed ones, and with "include pruned" the pruned ones too, each with the last value of the sweep's metric
/// it reported.
/// </summary>
public static class AnalysisTrials
{
    /// <summary>
    /// Below this many completed trials "include pruned" starts on. A pruned trial's value comes from fewer epochs, so
    /// it is biased against completed ones; once the sweep has as many completed trials as importance needs
    /// (<see cref="Importance.ParameterImportance.MinimumTrials"/>), the completed ones alone are the fairer picture,
    /// and below that the charts would say nothing without the pruned ones (4 completed of 24 in the demo).
    /// </summary>
    public const int IncludePrunedBelowCompleted = Importance.ParameterImportance.MinimumTrials;

    /// <summary>The toggle's starting position for a sweep: on while fewer than <see cref="IncludePrunedBelowCompleted"/> trials completed.</summary>
    public static bool DefaultIncludePruned(IReadOnlyList<LeaderboardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count(r => r.State == TrialState.Completed && r.Trial.ObjectiveValue is { } v && double.IsFinite(v)) < IncludePrunedBelowCompleted;
    }

    /// <summary>
    /// Completed trials with a finite objective, plus (when <paramref name="includePruned"/>) pruned trials with a
    /// last reported value of <paramref name="metricName"/>; best first (ties by trial number).
    /// </summary>
    public static IReadOnlyList<AnalysisTrial> Select(
        IReadOnlyList<LeaderboardRow> rows, IReadOnlyDictionary<string, IReadOnlyList<EpochRecord>> epochs, string metricName, MetricGoal goal, bool includePruned)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(epochs);
        var result = new List<AnalysisTrial>();
        foreach (var row in rows)
        {
            if (row.State == TrialState.Completed && row.Trial.ObjectiveValue is { } objective && double.IsFinite(objective))
            {
                result.Add(new AnalysisTrial(row, objective, Pruned: false));
            }
            else if (includePruned && row.State == TrialState.Pruned && LastReported(row, epochs.GetValueOrDefault(row.Id) ?? [], metricName) is { } last)
            {
                result.Add(new AnalysisTrial(row, last, Pruned: true));
            }
        }

        return [.. result.OrderBy(t => goal.ToMinimized(t.Objective)).ThenBy(t => t.Number)];
    }

    /// <summary>
    /// The last value of <paramref name="metricName"/> a trial reported: its objective when set, else its final metrics
    /// (a pruned trial is still validated once at the end), else its last epoch that reported the metric; null if none is finite.
    /// </summary>
    public static double? LastReported(LeaderboardRow row, IReadOnlyList<EpochRecord> epochs, string metricName)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(epochs);
        if (row.Trial.ObjectiveValue is { } objective && double.IsFinite(objective))
        {
            return objective;
        }

        if (row.Trial.FinalMetrics?.TryGetValue(metricName, out var final) == true && double.IsFinite(final))
        {
            return final;
        }

        for (var i = epochs.Count - 1; i >= 0; i--)
        {
            if (epochs[i].Metrics.TryGetValue(metricName, out var value) && double.IsFinite(value))
            {
                return value;
            }
        }

        return null;
    }
}
