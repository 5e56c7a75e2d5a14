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
        var best = await BestTrialsAsync(db, rows, cancellationToken);
        return new Page<SweepOverview>([.. rows.Select(r => ToOverview(r, best))], total, offset, limit);
    }

    public async Task<SweepOverview?> GetSweepOverviewAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await Overviews(db.Sweeps.AsNoTracking().Where(s => s.Id == sweepId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToOverview(row, await BestTrialsAsync(db, [row], cancellationToken));
    }

    public async Task<IReadOnlyList<RunningTrial>> ListRunningTrialsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        // One statement: the latest epoch is a correlated MAX, so no epoch row leaves the database.
        var rows = await db.Trials.AsNoTracking()
            .Where(t => t.State == TrialState.Running && (t.Sweep!.State == SweepState.Pending || t.Sweep.State == SweepState.Running))
            .OrderBy(t => t.Sweep!.CreatedAt).ThenBy(t => t.SweepId).ThenBy(t => t.Number)
            .Select(t => new { Trial = t, SweepName = t.Sweep!.Name, LatestEpoch = t.EpochMetrics.Max(m => (int?)m.Epoch) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RunningTrial(r.Trial.ToSnapshot(), r.SweepName, r.LatestEpoch ?? 0))];
    }

    /// <summary>The best trials of the overview rows, by id: one batched statement for the whole page.</summary>
    private static async Task<IReadOnlyDictionary<string, TrialSnapshot>> BestTrialsAsync(
        SweepDbContext db, IReadOnlyList<OverviewRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.BestId).OfType<string>().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, TrialSnapshot>(StringComparer.Ordinal);
        }

        var trials = await db.Trials.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        return trials.ToDictionary(t => t.Id, t => t.ToSnapshot(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Each sweep with its counts per state and its best completed trial's id, as one SQL statement (correlated counts and
    /// a ranked scalar subquery; the ranking is <see cref="TrialOrdering"/>'s objective order: best value first, then the number).
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
        // A scalar subquery (SQLite has no APPLY for a row-valued one); the trial itself comes in one batched read after.
        BestId = s.Trials
            .Where(t => t.State == TrialState.Completed && t.ObjectiveValue != null)
            .OrderBy(t => s.MetricGoal == MetricGoal.Minimize ? t.ObjectiveValue : -t.ObjectiveValue).ThenBy(t => t.Number)
            .Select(t => t.Id).FirstOrDefault(),
    });

    private static SweepOverview ToOverview(OverviewRow row, IReadOnlyDictionary<string, TrialSnapshot> best)
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
        return new SweepOverview(row.Sweep.ToSnapshot(), counts, row.BestId is null ? null : best.GetValueOrDefault(row.BestId));
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
        var trials = TrialFiltering.Apply(db.Trials.AsNoTracking().Where(t => t.SweepId == sweepId), query);
        var total = await trials.CountAsync(cancellationToken);
        var goal = query.SortBy == TrialSortKey.Objective
            ? await db.Sweeps.Where(s => s.Id == sweepId).Select(s => s.MetricGoal).SingleOrDefaultAsync(cancellationToken)
            : MetricGoal.Minimize;
        var page = await TrialOrdering.Apply(trials, query.SortBy, query.Descending, goal, query.SortName)
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
