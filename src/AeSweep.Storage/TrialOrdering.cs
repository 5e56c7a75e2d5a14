using AeSweep.Core.Trials;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>
/// Sort orders for trial lists, pushed into the SQL. Missing values go last in both providers (PostgreSQL and SQLite
/// disagree on where NULLs sort, so the "is null" flag sorts first), and the trial number breaks ties.
/// </summary>
internal static class TrialOrdering
{
    public static IQueryable<TrialEntity> Apply(IQueryable<TrialEntity> trials, TrialSortKey key, bool descending, MetricGoal goal, string? name = null) => key switch
    {
        // The leaderboard's keys (TrialValueFunctions maps them to each provider's JSON and time functions).
        TrialSortKey.Duration => ThenBy(trials.OrderBy(t => TrialValueFunctions.Seconds(t.StartedAt, t.FinishedAt) == null), t => TrialValueFunctions.Seconds(t.StartedAt, t.FinishedAt), descending).ThenBy(t => t.Number),
        TrialSortKey.Metric when name is not null => ThenBy(trials.OrderBy(t => TrialValueFunctions.Number(t.FinalMetricsJson, name) == null), t => TrialValueFunctions.Number(t.FinalMetricsJson, name), descending).ThenBy(t => t.Number),
        TrialSortKey.Parameter when name is not null => ThenBy(
                ThenBy(
                    trials.OrderBy(t => TrialValueFunctions.Number(t.ParametersJson, name) == null && TrialValueFunctions.Text(t.ParametersJson, name) == null),
                    t => TrialValueFunctions.Number(t.ParametersJson, name),
                    descending),
                t => TrialValueFunctions.Text(t.ParametersJson, name),
                descending)
            .ThenBy(t => t.Number),
        TrialSortKey.State => (descending ? trials.OrderByDescending(t => t.State) : trials.OrderBy(t => t.State)).ThenBy(t => t.Number),
        TrialSortKey.StartedAt => ThenBy(trials.OrderBy(t => t.StartedAt == null), t => t.StartedAt, descending).ThenBy(t => t.Number),
        TrialSortKey.FinishedAt => ThenBy(trials.OrderBy(t => t.FinishedAt == null), t => t.FinishedAt, descending).ThenBy(t => t.Number),
        // Best first: ascending values when minimizing, descending when maximizing.
        TrialSortKey.Objective => ThenBy(trials.OrderBy(t => t.ObjectiveValue == null), t => t.ObjectiveValue, descending == (goal == MetricGoal.Minimize)).ThenBy(t => t.Number),
        _ => descending ? trials.OrderByDescending(t => t.Number) : trials.OrderBy(t => t.Number),
    };

    private static IOrderedQueryable<TrialEntity> ThenBy<TKey>(IOrderedQueryable<TrialEntity> ordered, System.Linq.Expressions.Expression<Func<TrialEntity, TKey>> key, bool descending) =>
        descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
}
