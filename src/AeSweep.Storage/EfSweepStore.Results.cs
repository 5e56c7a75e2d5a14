using AeSweep.Storage.Serialization;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

// What running trials produce: epoch metrics (one or a batch per transaction), checkpoints, artifacts.
public sealed partial class EfSweepStore : ITrialResultStore
{
    public async Task<TrialChange> RecordEpochMetricsAsync(TrialLease lease, int epoch, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var change = (await RecordEpochMetricsAsync([new EpochReport(lease, epoch, metrics)], cancellationToken))[0];
        if (!change.Applied)
        {
            _logger.LogInformation("Trial {TrialId}: epoch {Epoch} report refused ({Outcome})", lease.TrialId, epoch, change.Outcome);
        }

        return change;
    }

    public Task<TrialChange> RecordCheckpointAsync(TrialLease lease, int epoch, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ChangeTrialAsync(lease.TrialId, "record checkpoint", (_, trial, now, _) =>
        {
            var held = CheckLease(trial, lease);
            if (held == ChangeOutcome.Applied)
            {
                if (trial.CheckpointEpoch is null || epoch >= trial.CheckpointEpoch)
                {
                    trial.CheckpointEpoch = epoch;
                    trial.CheckpointPath = path;
                }

                trial.LastHeartbeatAt = now;
            }

            return Task.FromResult(held);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TrialChange>> RecordEpochMetricsAsync(IReadOnlyList<EpochReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports)
        {
            ArgumentNullException.ThrowIfNull(report);
            ArgumentNullException.ThrowIfNull(report.Lease);
            ArgumentNullException.ThrowIfNull(report.Metrics);
            ArgumentOutOfRangeException.ThrowIfNegative(report.Epoch);
        }

        if (reports.Count == 0)
        {
            return [];
        }

        // On the path of every epoch of every trial, so two statements per report in one transaction, no change
        // tracking: a guarded heartbeat update (it takes the row lock, and SQLite's write lock, first) and an upsert
        // keyed by (trial, epoch), which makes a re-report replace the values instead of adding a row.
        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        object at = sqlite ? now.ToUnixTimeMilliseconds() : now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = new Dictionary<TrialLease, TrialChange>();
        // Trials in id order, so two batches never wait on each other's row locks in opposite orders.
        foreach (var lease in reports.Select(r => r.Lease).Distinct().OrderBy(l => l.TrialId, StringComparer.Ordinal).ThenBy(l => l.Attempt))
        {
            var updated = await db.Trials
                .FromSqlRaw(HeartbeatUnderLeaseSql, at, lease.TrialId, lease.Attempt, lease.WorkerId)
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            held[lease] = updated is [var trial]
                ? new TrialChange(lease.TrialId, ChangeOutcome.Applied, trial.ToSnapshot())
                : await RefusedLeaseAsync(db, lease, cancellationToken);
        }

        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (held[report.Lease].Applied)
            {
                await db.Database.ExecuteSqlRawAsync(UpsertEpochSql, [report.Lease.TrialId, report.Epoch, MetricsJson.Write(report.Metrics), report.Lease.Attempt, at], cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return [.. reports.Select(r => held[r.Lease])];
    }

    /// <summary>Why a lease's report was refused: the trial is gone, finished, or held by another worker or attempt.</summary>
    private static async Task<TrialChange> RefusedLeaseAsync(SweepDbContext db, TrialLease lease, CancellationToken cancellationToken)
    {
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == lease.TrialId, cancellationToken);
        return trial is null
            ? new TrialChange(lease.TrialId, ChangeOutcome.NotFound, null)
            : new TrialChange(lease.TrialId, CheckLease(trial, lease), trial.ToSnapshot());
    }

    private const string HeartbeatUnderLeaseSql = """
        UPDATE "trials" SET "LastHeartbeatAt" = {0}, "Version" = "Version" + 1
        WHERE "Id" = {1} AND "State" = 'Running' AND "Attempt" = {2} AND "WorkerId" = {3}
        RETURNING *
        """;

    private const string UpsertEpochSql = """
        INSERT INTO "trial_epoch_metrics" ("TrialId", "Epoch", "MetricsJson", "Attempt", "RecordedAt") VALUES ({0}, {1}, {2}, {3}, {4})
        ON CONFLICT ("TrialId", "Epoch") DO UPDATE SET "MetricsJson" = excluded."MetricsJson", "Attempt" = excluded."Attempt", "RecordedAt" = excluded."RecordedAt"
        """;

    public async Task<ArtifactInfo?> GetArtifactAsync(string trialId, string name, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var artifact = await db.Artifacts.AsNoTracking().SingleOrDefaultAsync(a => a.TrialId == trialId && a.Name == name, cancellationToken);
        return artifact?.ToSnapshot();
    }
}
