using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;
using AeSweep.Storage.Serialization;
using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

// The dashboard's reads sized for sweeps of 10,000 trials: trials without epochs, and epochs only for the trials asked.
public sealed partial class EfSweepStore
{
    /// <summary>Ids per statement in the epoch reads (well under SQLite's and PostgreSQL's parameter limits).</summary>
    private const int IdsPerStatement = 500;

    public async Task<SweepTrials?> ListAllTrialsAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sweep = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, cancellationToken);
        if (sweep is null)
        {
            return null;
        }

        var trials = await db.Trials.AsNoTracking().Where(t => t.SweepId == sweepId).OrderBy(t => t.Number).ToListAsync(cancellationToken);
        return new SweepTrials(sweep.ToSnapshot(), [.. trials.Select(t => t.ToSnapshot())]);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>>> GetEpochMetricsAsync(IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = new List<TrialEpochMetricEntity>();
        foreach (var chunk in trialIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            rows.AddRange(await db.EpochMetrics.AsNoTracking().Where(m => chunk.Contains(m.TrialId)).OrderBy(m => m.TrialId).ThenBy(m => m.Epoch).ToListAsync(cancellationToken));
        }

        return rows
            .GroupBy(m => m.TrialId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EpochMetrics>)[.. g.Select(m => m.ToSnapshot())], StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, EpochSummary>> GetEpochSummariesAsync(IReadOnlyCollection<string> trialIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trialIds);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var result = new Dictionary<string, EpochSummary>(StringComparer.Ordinal);
        foreach (var chunk in trialIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            // One statement: the count and the latest epoch's metrics per trial, as correlated subqueries.
            var rows = await db.Trials.AsNoTracking()
                .Where(t => chunk.Contains(t.Id))
                .Select(t => new
                {
                    t.Id,
                    Epochs = t.EpochMetrics.Count,
                    Latest = t.EpochMetrics.OrderByDescending(m => m.Epoch).Select(m => m.MetricsJson).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => r.Epochs > 0 && r.Latest is not null))
            {
                result[row.Id] = new EpochSummary(row.Epochs, MetricsJson.Read(row.Latest!));
            }
        }

        return result;
    }
}
