using AeSweep.Core.Trials;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

// The dashboard's and the API's queries: pages, counts and bests computed in the database.
public sealed partial class EfSweepStore : ISweepReadModel
{
    public async Task<Page<SweepSnapshot>> ListSweepsAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        (offset, limit) = CheckPage(offset, limit);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Sweeps.CountAsync(cancellationToken);
        var sweeps = await db.Sweeps.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip(offset).Take(limit)
            .ToListAsync(cancellationToken);
        return new Page<SweepSnapshot>([.. sweeps.Select(s => s.ToSnapshot())], total, offset, limit);
    }

    public async Task<Page<SweepOverview>> ListSweepOverviewsAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        (offset, limit) = CheckPage(offset, limit);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Sweeps.CountAsync(cancellationToken);
        var rows = await Overviews(db.Sweeps.AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip(offset).Take(limit))
            .ToListAsync(cancellationToken);
        return new Page<SweepOverview>([.. rows.Select(ToOverview)], total, offset, limit);
    }

    public async Task<SweepOverview?> GetSweepOverviewAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await Overviews(db.Sweeps.AsNoTracking().Where(s => s.Id == sweepId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToOverview(row);
    }

    /// <summary>
    /// Each sweep with its counts per state and its best completed trial, as one SQL statement (correlated counts and
    /// ranked scalar subqueries; the ranking is <see cref="TrialOrdering"/>'s objective order: best value first, then the number).
    /// </summary>
    private static IQueryable<OverviewRow> Overviews(IQueryable<SweepEntity> sweeps) => sweeps.Select(s => new OverviewRow
    {
        Sweep = s,
        Pending = s.Trials.Count(t => t.State == TrialState.Pending),
        Running = s.Trials.Count(t => t.State == TrialState.Running),
        Completed = s.Trials.Count(t => t.State == TrialState.Completed),
        Pruned = s.Trials.Count(t => t.State == TrialState.Pruned),
        Failed = s.Trials.Count(t => t.State == TrialState.Failed),
        Cancelled = s.Trials.Count(t => t.State == TrialState.Cancelled),
        // Three scalar subqueries of the same ranking (SQLite has no APPLY for a row-valued one).
        BestId = s.Trials
            .Where(t => t.State == TrialState.Completed && t.ObjectiveValue != null)
            .OrderBy(t => s.MetricGoal == MetricGoal.Minimize ? t.ObjectiveValue : -t.ObjectiveValue).ThenBy(t => t.Number)
            .Select(t => t.Id).FirstOrDefault(),
        BestNumber = s.Trials
            .Where(t => t.State == TrialState.Completed && t.ObjectiveValue != null)
            .OrderBy(t => s.MetricGoal == MetricGoal.Minimize ? t.ObjectiveValue : -t.ObjectiveValue).ThenBy(t => t.Number)
            .Select(t => (int?)t.Number).FirstOrDefault(),
        BestValue = s.Trials
            .Where(t => t.State == TrialState.Completed && t.ObjectiveValue != null)
            .OrderBy(t => s.MetricGoal == MetricGoal.Minimize ? t.ObjectiveValue : -t.ObjectiveValue).ThenBy(t => t.Number)
            .Select(t => t.ObjectiveValue).FirstOrDefault(),
    });

    private static SweepOverview ToOverview(OverviewRow row)
    {
        var counts = new Dictionary<TrialState, int>
        {
            [TrialState.Pending] = row.Pending,
            [TrialState.Running] = row.Running,
            [TrialState.Completed] = row.Completed,
            [TrialState.Pruned] = row.Pruned,
            [TrialState.Failed] = row.Failed,
            [TrialState.Cancelled] = row.Cancelled,
        };
        return new SweepOverview(row.Sweep.ToSnapshot(), counts, row.BestId, row.BestNumber, row.BestValue);
    }

    private sealed class OverviewRow
    {
        public required SweepEntity Sweep { get; init; }
        public int Pending { get; init; }
        public int Running { get; init; }
        public int Completed { get; init; }
        public int Pruned { get; init; }
        public int Failed { get; init; }
        public int Cancelled { get; init; }
        public string? BestId { get; init; }
        public int? BestNumber { get; init; }
        public double? BestValue { get; init; }
    }

    public async Task<TrialDetail?> GetTrialDetailAsync(string trialId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken);
        if (trial is null)
        {
            return null;
        }

        var epochs = await db.EpochMetrics.AsNoTracking().Where(m => m.TrialId == trialId).OrderBy(m => m.Epoch).ToListAsync(cancellationToken);
        var artifacts = await db.Artifacts.AsNoTracking().Where(a => a.TrialId == trialId).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return new TrialDetail(trial.ToSnapshot(), [.. epochs.Select(m => m.ToSnapshot())], [.. artifacts.Select(a => a.ToSnapshot())]);
    }

    public async Task<Page<TrialSnapshot>> ListTrialsAsync(string sweepId, TrialQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (offset, limit) = CheckPage(query.Offset, query.Limit);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var trials = db.Trials.AsNoTracking().Where(t => t.SweepId == sweepId);
        if (query.State is { } state)
        {
            trials = trials.Where(t => t.State == state);
        }

        var total = await trials.CountAsync(cancellationToken);
        var goal = query.SortBy == TrialSortKey.Objective
            ? await db.Sweeps.Where(s => s.Id == sweepId).Select(s => s.MetricGoal).SingleOrDefaultAsync(cancellationToken)
            : MetricGoal.Minimize;
        var page = await TrialOrdering.Apply(trials, query.SortBy, query.Descending, goal)
            .Skip(offset).Take(limit)
            .ToListAsync(cancellationToken);
        return new Page<TrialSnapshot>([.. page.Select(t => t.ToSnapshot())], total, offset, limit);
    }

    public async Task<IReadOnlyDictionary<TrialState, int>> CountTrialsByStateAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Trials.Where(t => t.SweepId == sweepId)
            .GroupBy(t => t.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byState = Enum.GetValues<TrialState>().ToDictionary(s => s, _ => 0);
        foreach (var count in counts)
        {
            byState[count.State] = count.Count;
        }

        return byState;
    }

    public async Task<TrialSnapshot?> GetBestTrialAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var goal = await db.Sweeps.Where(s => s.Id == sweepId).Select(s => s.MetricGoal).SingleOrDefaultAsync(cancellationToken);
        var completed = db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweepId && t.State == TrialState.Completed && t.ObjectiveValue != null);
        var best = await TrialOrdering.Apply(completed, TrialSortKey.Objective, descending: false, goal).FirstOrDefaultAsync(cancellationToken);
        return best?.ToSnapshot();
    }
}
