using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Api;

/// <summary>The JSON shapes of the API (snake_case, like the CLI's --json).</summary>
public static class ApiViews
{
    public static object Sweep(SweepSnapshot s) => new
    {
        id = s.Id,
        name = s.Name,
        state = s.State.ToString().ToLowerInvariant(),
        metric = s.MetricName,
        goal = s.MetricGoal.ToString().ToLowerInvariant(),
        created_at = s.CreatedAt,
        started_at = s.StartedAt,
        finished_at = s.FinishedAt,
    };

    public static object SweepWithCounts(SweepSnapshot s, IReadOnlyDictionary<TrialState, int> counts) => new
    {
        sweep = Sweep(s),
        counts = Enum.GetValues<TrialState>().ToDictionary(state => state.ToString().ToLowerInvariant(), state => counts.GetValueOrDefault(state)),
    };
}
