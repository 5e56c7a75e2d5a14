using AeSweep.Storage.Serialization;
using AeSweep.Storage.Entities;
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

        var metricsJson = reports.Select(r => MetricsJson.Write(r.Metrics)).ToArray();
        var trialIds = reports.Select(r => r.Lease.TrialId).Distinct(StringComparer.Ordinal).ToList();
        for (var round = 1; ; round++)
        {
            // One context and one transaction for the whole batch: two reads (the trials, their stored epochs) and one save.
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var trials = await db.Trials.Where(t => trialIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
            var epochs = reports.Select(r => r.Epoch).Distinct().ToList();
            var stored = await db.EpochMetrics.Where(m => trialIds.Contains(m.TrialId) && epochs.Contains(m.Epoch))
                .ToDictionaryAsync(m => (m.TrialId, m.Epoch), cancellationToken);
            var now = Now();
            var outcomes = new ChangeOutcome[reports.Count];
            var changed = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < reports.Count; i++)
            {
                var report = reports[i];
                if (!trials.TryGetValue(report.Lease.TrialId, out var trial))
                {
                    outcomes[i] = ChangeOutcome.NotFound;
                    continue;
                }

                outcomes[i] = CheckLease(trial, report.Lease);
                if (outcomes[i] != ChangeOutcome.Applied)
                {
                    continue;
                }

                if (stored.TryGetValue((trial.Id, report.Epoch), out var existing))
                {
                    // A resumed attempt re-trained this epoch from its checkpoint (or the batch repeats it): the later values win.
                    existing.MetricsJson = metricsJson[i];
                    existing.Attempt = trial.Attempt;
                    existing.RecordedAt = now;
                }
                else
                {
                    var row = new TrialEpochMetricEntity { TrialId = trial.Id, Epoch = report.Epoch, MetricsJson = metricsJson[i], Attempt = trial.Attempt, RecordedAt = now };
                    db.EpochMetrics.Add(row);
                    stored[(trial.Id, report.Epoch)] = row;
                }

                trial.LastHeartbeatAt = now;
                if (changed.Add(trial.Id))
                {
                    trial.Version++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return [.. reports.Select((r, i) => new TrialChange(r.Lease.TrialId, outcomes[i], trials.GetValueOrDefault(r.Lease.TrialId)?.ToSnapshot()))];
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                // Another writer changed one of the trials (or inserted the same epoch) first: re-read and re-check every guard.
                _logger.LogDebug(ex, "Epoch reports of {TrialCount} trial(s) met a concurrent change; re-reading (round {Round})", trialIds.Count, round);
            }
        }
    }

    public async Task<ArtifactInfo?> GetArtifactAsync(string trialId, string name, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var artifact = await db.Artifacts.AsNoTracking().SingleOrDefaultAsync(a => a.TrialId == trialId && a.Name == name, cancellationToken);
        return artifact?.ToSnapshot();
    }
}
