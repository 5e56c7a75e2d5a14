using AeSweep.Storage.Serialization;
using System.Linq.Expressions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

// Trial operations: the guarded life cycle, leases, epoch metrics, checkpoints, requeues and trial queries.
public sealed partial class EfSweepStore
{
    /// <summary>Guards and applies one change to a tracked trial; returns <see cref="ChangeOutcome.Applied"/> or why not (before changing anything).</summary>
    private delegate Task<ChangeOutcome> TrialMutation(SweepDbContext db, TrialEntity trial, DateTimeOffset now, CancellationToken cancellationToken);

    public Task<TrialSnapshot> AddTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken) =>
        AddTrialAsync(sweepId, parameters, start: null, cancellationToken);

    public Task<TrialSnapshot> AddRunningTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        CheckWorkerId(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return AddTrialAsync(sweepId, parameters, (workerId, leaseDuration), cancellationToken);
    }

    private async Task<TrialSnapshot> AddTrialAsync(
        string sweepId,
        IReadOnlyDictionary<string, ParameterValue> parameters,
        (string WorkerId, TimeSpan LeaseDuration)? start,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var parametersJson = ParameterJson.Write(parameters);
        for (var round = 1; ; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var sweep = await db.Sweeps.Where(s => s.Id == sweepId)
                    .Select(s => new { s.State, LastNumber = s.Trials.Max(t => (int?)t.Number) })
                    .SingleOrDefaultAsync(cancellationToken)
                ?? throw new InvalidOperationException($"sweep {sweepId} does not exist");
            if (sweep.State.IsFinished())
            {
                throw new InvalidOperationException($"sweep {sweepId} is {sweep.State.ToString().ToLowerInvariant()}; it takes no new trials");
            }

            var number = (sweep.LastNumber ?? -1) + 1;
            var trial = new TrialEntity
            {
                Id = ReadableIds.TrialId(sweepId, number),
                SweepId = sweepId,
                Number = number,
                State = TrialState.Pending,
                ParametersJson = parametersJson,
                Attempt = 1,
                CreatedAt = Now(),
            };
            if (start is { } running)
            {
                trial.State = TrialState.Running;
                trial.WorkerId = running.WorkerId;
                trial.StartedAt = trial.CreatedAt;
                trial.LastHeartbeatAt = trial.CreatedAt;
                trial.LeaseExpiresAt = trial.CreatedAt + running.LeaseDuration;
            }

            db.Trials.Add(trial);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _logger.LogInformation("Sweep {SweepId}: added trial {TrialId} with {Parameters}", sweepId, trial.Id, parametersJson);
                return trial.ToSnapshot();
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                // Another writer took this number; take the next one.
                _logger.LogDebug(ex, "Sweep {SweepId}: trial number {TrialNumber} taken concurrently; retrying", sweepId, number);
            }
        }
    }

    public Task<TrialChange> StartTrialAsync(string trialId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        CheckWorkerId(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return ChangeTrialAsync(trialId, "start", (_, trial, now, _) =>
        {
            if (trial.State != TrialState.Pending)
            {
                return Task.FromResult(Refusal(trial));
            }

            Lease(trial, workerId, leaseDuration, now);
            return Task.FromResult(ChangeOutcome.Applied);
        }, cancellationToken);
    }

    private static void Lease(TrialEntity trial, string workerId, TimeSpan leaseDuration, DateTimeOffset now)
    {
        trial.State = TrialState.Running;
        trial.WorkerId = workerId;
        trial.LeaseExpiresAt = now + leaseDuration;
        trial.LastHeartbeatAt = now;
        trial.StartedAt ??= now;
    }

    public async Task<TrialSnapshot?> ClaimNextPendingTrialAsync(string? sweepId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        CheckWorkerId(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        // One context, one read and one guarded write per claim (every trial is claimed once, so this is on the
        // dispatch path of every trial). Losing the race for a candidate — another claimer's write bumped its
        // version first — just means looking again; many rounds only under heavy contention.
        for (var round = 1; round <= 4 * MaxConflictRounds; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var pending = db.Trials.Where(t => t.State == TrialState.Pending);
            if (sweepId is not null)
            {
                pending = pending.Where(t => t.SweepId == sweepId);
            }

            // Oldest first: a requeued trial (resuming lost work) goes before newer suggestions.
            var trial = await pending.OrderBy(t => t.CreatedAt).ThenBy(t => t.SweepId).ThenBy(t => t.Number).FirstOrDefaultAsync(cancellationToken);
            if (trial is null)
            {
                return null;
            }

            Lease(trial, workerId, leaseDuration, Now());
            trial.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _logger.LogDebug("Trial {TrialId}: claimed by {WorkerId}", trial.Id, workerId);
                return trial.ToSnapshot();
            }
            catch (DbUpdateException ex) when (round < 4 * MaxConflictRounds)
            {
                // The last round's error propagates: a failing database must not pass for "nothing pending".
                _logger.LogDebug(ex, "Trial {TrialId}: claimed by another worker first; looking again (round {Round})", trial.Id, round);
            }
        }

        return null;
    }

    public Task<TrialChange> RenewLeaseAsync(TrialLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return ChangeTrialAsync(lease.TrialId, "renew lease", (_, trial, now, _) =>
        {
            var held = CheckLease(trial, lease);
            if (held == ChangeOutcome.Applied)
            {
                trial.LeaseExpiresAt = now + leaseDuration;
                trial.LastHeartbeatAt = now;
            }

            return Task.FromResult(held);
        }, cancellationToken);
    }

    public Task<TrialChange> RecordEpochMetricsAsync(TrialLease lease, int epoch, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var metricsJson = MetricsJson.Write(metrics);
        return ChangeTrialAsync(lease.TrialId, "record epoch metrics", async (db, trial, now, ct) =>
        {
            var held = CheckLease(trial, lease);
            if (held != ChangeOutcome.Applied)
            {
                return held;
            }

            var existing = await db.EpochMetrics.SingleOrDefaultAsync(m => m.TrialId == trial.Id && m.Epoch == epoch, ct);
            if (existing is null)
            {
                db.EpochMetrics.Add(new TrialEpochMetricEntity
                {
                    TrialId = trial.Id,
                    Epoch = epoch,
                    MetricsJson = metricsJson,
                    Attempt = trial.Attempt,
                    RecordedAt = now,
                });
            }
            else
            {
                // A resumed attempt re-trained this epoch from its checkpoint: its values replace the lost attempt's.
                existing.MetricsJson = metricsJson;
                existing.Attempt = trial.Attempt;
                existing.RecordedAt = now;
            }

            trial.LastHeartbeatAt = now;
            return ChangeOutcome.Applied;
        }, cancellationToken);
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

    public Task<TrialChange> FinishTrialAsync(TrialFinish finish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finish);
        CheckFinish(finish);
        var metricsJson = finish.Metrics is null ? null : MetricsJson.Write(finish.Metrics);
        return ChangeTrialAsync(finish.TrialId, $"finish as {finish.State}", async (db, trial, now, ct) =>
        {
            if (finish.Lease is not null)
            {
                var held = CheckLease(trial, finish.Lease);
                if (held != ChangeOutcome.Applied)
                {
                    return held;
                }
            }

            if (!trial.State.CanMoveTo(finish.State))
            {
                return Refusal(trial);
            }

            double? objective = null;
            if (finish.Metrics is not null)
            {
                var metricName = await MetricNameAsync(db, trial.SweepId, ct);
                objective = finish.Metrics.TryGetValue(metricName, out var value) && double.IsFinite(value) ? value : null;
            }

            trial.State = finish.State;
            trial.Reason = ReasonLimit.ApplyOrNull(finish.Reason);
            trial.FinishedAt = now;
            trial.LeaseExpiresAt = null;
            trial.FinalMetricsJson = metricsJson;
            trial.ObjectiveValue = objective;
            foreach (var artifact in finish.Artifacts ?? [])
            {
                db.Artifacts.Add(new ArtifactEntity
                {
                    TrialId = trial.Id,
                    Name = artifact.Name,
                    RelativePath = artifact.RelativePath,
                    ContentType = artifact.ContentType,
                    Bytes = artifact.Bytes,
                    CreatedAt = now,
                });
            }

            return ChangeOutcome.Applied;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RequeuedTrial>> RequeueExpiredLeasesAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        return await RequeueAsync(
            t => t.LeaseExpiresAt != null && t.LeaseExpiresAt <= now,
            (trial, at) => trial.LeaseExpiresAt <= at,
            "lease expired",
            WorkerFate.Lost,
            cancellationToken);
    }

    public Task<IReadOnlyList<RequeuedTrial>> RequeueWorkerTrialsAsync(string workerId, string reason, CancellationToken cancellationToken)
    {
        CheckWorkerId(workerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return RequeueAsync(t => t.WorkerId == workerId, (trial, _) => trial.WorkerId == workerId, reason, WorkerFate.HandedBack, cancellationToken);
    }

    public Task<IReadOnlyList<RequeuedTrial>> RequeueRunningTrialsAsync(string? sweepId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return sweepId is null
            ? RequeueAsync(t => true, (_, _) => true, reason, WorkerFate.Lost, cancellationToken)
            : RequeueAsync(t => t.SweepId == sweepId, (_, _) => true, reason, WorkerFate.Lost, cancellationToken);
    }

    public async Task<ArtifactInfo?> GetArtifactAsync(string trialId, string name, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var artifact = await db.Artifacts.AsNoTracking().SingleOrDefaultAsync(a => a.TrialId == trialId && a.Name == name, cancellationToken);
        return artifact?.ToSnapshot();
    }

    public async Task<TrialSnapshot?> GetTrialAsync(string trialId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken);
        return trial?.ToSnapshot();
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

    private async Task<IReadOnlyList<RequeuedTrial>> RequeueAsync(
        Expression<Func<TrialEntity, bool>> candidates,
        Func<TrialEntity, DateTimeOffset, bool> stillApplies,
        string reason,
        WorkerFate fate,
        CancellationToken cancellationToken)
    {
        List<string> ids;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Trials.Where(t => t.State == TrialState.Running).Where(candidates)
                .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var requeued = new List<RequeuedTrial>();
        foreach (var id in ids)
        {
            string? previousWorkerId = null;
            var change = await ChangeTrialAsync(id, "requeue", async (db, trial, now, ct) =>
            {
                // Re-checked on the fresh row: a renewal or a finish that came in meanwhile wins over the requeue.
                if (trial.State != TrialState.Running || !stillApplies(trial, now))
                {
                    return Refusal(trial);
                }

                previousWorkerId = trial.WorkerId;
                trial.WorkerId = null;
                trial.LeaseExpiresAt = null;
                if (fate == WorkerFate.Lost)
                {
                    // Only lost runs count: a trainer that kills its worker would otherwise be retried forever, while
                    // an operator restarting workers must never use up a trial's attempts.
                    trial.LostWorkers++;
                    var maxAttempts = await db.Sweeps.Where(s => s.Id == trial.SweepId).Select(s => s.MaxAttempts).SingleAsync(ct);
                    if (trial.LostWorkers >= maxAttempts)
                    {
                        trial.State = TrialState.Failed;
                        trial.Reason = LostWorkerReason(trial.LostWorkers);
                        trial.FinishedAt = now;
                        return ChangeOutcome.Applied;
                    }
                }

                trial.State = TrialState.Pending;
                trial.Attempt++;
                return ChangeOutcome.Applied;
            }, cancellationToken);

            if (change is { Applied: true, Trial: { State: TrialState.Failed } failed })
            {
                _logger.LogWarning("Trial {TrialId} of sweep {SweepId} failed: {Reason} (last worker {WorkerId}; {Cause})",
                    failed.Id, failed.SweepId, failed.Reason, previousWorkerId, reason);
                requeued.Add(new RequeuedTrial(failed.Id, failed.SweepId, failed.Number, failed.Attempt, previousWorkerId, failed.CheckpointEpoch, failed.CheckpointPath, TrialState.Failed, failed.Reason));
            }
            else if (change is { Applied: true, Trial: { } t })
            {
                _logger.LogWarning(
                    "Requeued trial {TrialId} of sweep {SweepId} ({Reason}; worker {WorkerId}); attempt {Attempt} resumes from checkpoint epoch {CheckpointEpoch}",
                    t.Id, t.SweepId, reason, previousWorkerId, t.Attempt, t.CheckpointEpoch);
                requeued.Add(new RequeuedTrial(t.Id, t.SweepId, t.Number, t.Attempt, previousWorkerId, t.CheckpointEpoch, t.CheckpointPath));
            }
        }

        return requeued;
    }

    private async Task<TrialChange> ChangeTrialAsync(string trialId, string operation, TrialMutation mutate, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var trial = await db.Trials.SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken);
            if (trial is null)
            {
                return new TrialChange(trialId, ChangeOutcome.NotFound, null);
            }

            var outcome = await mutate(db, trial, Now(), cancellationToken);
            if (outcome != ChangeOutcome.Applied)
            {
                _logger.LogInformation("Trial {TrialId}: {Operation} refused ({Outcome}); the trial is {TrialState} at attempt {Attempt}",
                    trialId, operation, outcome, trial.State, trial.Attempt);
                return new TrialChange(trialId, outcome, trial.ToSnapshot());
            }

            trial.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _logger.LogDebug("Trial {TrialId}: {Operation} applied; the trial is {TrialState}", trialId, operation, trial.State);
                return new TrialChange(trialId, ChangeOutcome.Applied, trial.ToSnapshot());
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                // Another writer changed the trial (or inserted the same epoch) first: re-read and re-check the guard.
                _logger.LogDebug(ex, "Trial {TrialId}: {Operation} met a concurrent change; re-reading (round {Round})", trialId, operation, round);
            }
        }
    }

    /// <summary>A sweep's ranking metric; it never changes, so it is read once per sweep.</summary>
    private async Task<string> MetricNameAsync(SweepDbContext db, string sweepId, CancellationToken cancellationToken)
    {
        if (!_metricNames.TryGetValue(sweepId, out var name))
        {
            name = await db.Sweeps.Where(s => s.Id == sweepId).Select(s => s.MetricName).SingleAsync(cancellationToken);
            _metricNames.TryAdd(sweepId, name);
        }

        return name;
    }

    /// <summary>Why a trial failed after <paramref name="losses"/> workers were lost under it (budget.max_attempts reached).</summary>
    private static string LostWorkerReason(int losses) =>
        $"the worker running it was lost {losses} time{(losses == 1 ? string.Empty : "s")} (budget.max_attempts)";

    private static ChangeOutcome Refusal(TrialEntity trial) =>
        trial.State.IsFinished() ? ChangeOutcome.AlreadyFinished : ChangeOutcome.InvalidTransition;

    private static ChangeOutcome CheckLease(TrialEntity trial, TrialLease lease)
    {
        if (trial.State.IsFinished())
        {
            return ChangeOutcome.AlreadyFinished;
        }

        return trial.State == TrialState.Running && trial.Attempt == lease.Attempt && string.Equals(trial.WorkerId, lease.WorkerId, StringComparison.Ordinal)
            ? ChangeOutcome.Applied
            : ChangeOutcome.LeaseLost;
    }

    private static void CheckFinish(TrialFinish finish)
    {
        if (!finish.State.IsFinished())
        {
            throw new ArgumentException($"{finish.State} is not a final trial state", nameof(finish));
        }

        if (finish.State != TrialState.Completed && string.IsNullOrWhiteSpace(finish.Reason))
        {
            throw new ArgumentException($"a {finish.State.ToString().ToLowerInvariant()} trial needs a reason", nameof(finish));
        }

        if (finish.Lease is not null && finish.Lease.TrialId != finish.TrialId)
        {
            throw new ArgumentException($"the lease is for trial {finish.Lease.TrialId}, not {finish.TrialId}", nameof(finish));
        }

        var artifacts = finish.Artifacts ?? [];
        if (artifacts.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != artifacts.Count)
        {
            throw new ArgumentException("artifact names must be unique within a trial", nameof(finish));
        }
    }

    private static void CheckWorkerId(string workerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (workerId.Length > StorageLimits.WorkerIdLength)
        {
            throw new ArgumentException($"a worker id has at most {StorageLimits.WorkerIdLength} characters", nameof(workerId));
        }
    }
}
