using AeSweep.Storage.Serialization;
using System.Linq.Expressions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

// The trial queue: adding (the store numbers trials), batched claims and lease renewals, finishing, requeues.
public sealed partial class EfSweepStore : ITrialQueue
{
    // Claims skip held trials (enqueued ones waiting for a max_parallel place), paused sweeps and draining workers, and take
    // enqueued and retried trials (priority 1) before sampled ones: see EfSweepStore.Control.cs.

    /// <summary>Guards and applies one change to a tracked trial; returns <see cref="ChangeOutcome.Applied"/> or why not (before changing anything).</summary>
    private delegate Task<ChangeOutcome> TrialMutation(SweepDbContext db, TrialEntity trial, DateTimeOffset now, CancellationToken cancellationToken);

    public Task<IReadOnlyList<TrialSnapshot>> AddTrialsAsync(string sweepId, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters, CancellationToken cancellationToken) =>
        AddTrialsAsync(sweepId, parameters, start: null, firstNumber: null, cancellationToken);

    public Task<IReadOnlyList<TrialSnapshot>> AddTrialsAtAsync(string sweepId, int firstNumber, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstNumber);
        return AddTrialsAsync(sweepId, parameters, start: null, firstNumber, cancellationToken);
    }

    public async Task<TrialSnapshot> AddTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken) =>
        (await AddTrialsAsync(sweepId, [parameters], start: null, firstNumber: null, cancellationToken))[0];

    public async Task<TrialSnapshot> AddRunningTrialAsync(string sweepId, IReadOnlyDictionary<string, ParameterValue> parameters, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        CheckWorkerId(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return (await AddTrialsAsync(sweepId, [parameters], (workerId, leaseDuration), firstNumber: null, cancellationToken))[0];
    }

    public async Task<int> NextTrialNumberAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sweep = await SweepForNewTrialsAsync(db, sweepId, cancellationToken);
        return (sweep.LastNumber ?? -1) + 1;
    }

    private async Task<IReadOnlyList<TrialSnapshot>> AddTrialsAsync(
        string sweepId,
        IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters,
        (string WorkerId, TimeSpan LeaseDuration)? start,
        int? firstNumber,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? finalistOf = null,
        QueuedTrials? queued = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            return [];
        }

        var parametersJson = parameters.Select(p => ParameterJson.Write(p ?? throw new ArgumentNullException(nameof(parameters)))).ToArray();
        for (var round = 1; ; round++)
        {
            // The numbers are the sweep's next free ones, read and written in one unit of work; the unique index
            // (sweep, number) turns a concurrent adder's win into a conflict here, before any number was handed out.
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var sweep = await SweepForNewTrialsAsync(db, sweepId, cancellationToken);
            if (sweep.State.IsFinished())
            {
                throw new InvalidOperationException($"sweep {sweepId} is {sweep.State.ToString().ToLowerInvariant()}; it takes no new trials");
            }

            var next = (sweep.LastNumber ?? -1) + 1;
            if (firstNumber is { } expected && expected != next)
            {
                throw new TrialNumberTakenException(sweepId, expected, next);
            }

            var now = Now();
            var trials = new List<TrialEntity>(parametersJson.Length);
            for (var i = 0; i < parametersJson.Length; i++)
            {
                var trial = new TrialEntity
                {
                    Id = ReadableIds.TrialId(sweepId, next + i),
                    SweepId = sweepId,
                    Number = next + i,
                    State = TrialState.Pending,
                    ParametersJson = parametersJson[i],
                    Attempt = 1,
                    CreatedAt = now,
                    FinalistOf = finalistOf?[i],
                };
                if (queued is { } q)
                {
                    trial.Origin = q.Origin;
                    trial.RetryOf = q.RetryOf;
                    trial.Held = true;
                    trial.Priority = 1;
                }

                if (start is { } running)
                {
                    trial.State = TrialState.Running;
                    trial.WorkerId = running.WorkerId;
                    trial.StartedAt = now;
                    trial.LastHeartbeatAt = now;
                    trial.LeaseExpiresAt = now + running.LeaseDuration;
                }

                trials.Add(trial);
            }

            db.Trials.AddRange(trials);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _logger.LogInformation("Sweep {SweepId}: added trial(s) {FirstNumber}–{LastNumber}", sweepId, next, next + trials.Count - 1);
                return [.. trials.Select(t => t.ToSnapshot())];
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                // Another writer took these numbers: read the next free ones again (or, for fixed numbers, say so loudly).
                _logger.LogDebug(ex, "Sweep {SweepId}: trial number {TrialNumber} taken concurrently; re-reading", sweepId, next);
            }
        }
    }

    private static async Task<(SweepState State, int? LastNumber)> SweepForNewTrialsAsync(SweepDbContext db, string sweepId, CancellationToken cancellationToken)
    {
        var sweep = await db.Sweeps.Where(s => s.Id == sweepId)
                .Select(s => new { s.State, LastNumber = s.Trials.Max(t => (int?)t.Number) })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"sweep {sweepId} does not exist");
        return (sweep.State, sweep.LastNumber);
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

    public async Task<IReadOnlyList<TrialSnapshot>> ClaimPendingTrialsAsync(string workerId, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        CheckWorkerId(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        // Every trial is claimed once, so this is on the dispatch path of every trial: one statement for all the free
        // slots, which picks the oldest pending trials and leases them atomically (PostgreSQL skips rows another
        // claimer has locked; SQLite has one writer at a time). The outer state check keeps a row that another claimer
        // took between the pick and the write from being taken twice.
        var now = Now();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        object leaseExpiresAt = sqlite ? (now + leaseDuration).ToUnixTimeMilliseconds() : now + leaseDuration;
        object heartbeatAt = sqlite ? now.ToUnixTimeMilliseconds() : now;
        var claimed = await db.Trials
            .FromSqlRaw(sqlite ? SqliteClaimSql : PostgresClaimSql, workerId, leaseExpiresAt, heartbeatAt, maxCount)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (claimed.Count > 0)
        {
            _logger.LogDebug("Trials {TrialIds}: claimed by {WorkerId}", string.Join(", ", claimed.Select(t => t.Id)), workerId);
        }

        return [.. claimed.OrderByDescending(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.SweepId, StringComparer.Ordinal).ThenBy(t => t.Number).Select(t => t.ToSnapshot())];
    }

    private const string SqliteClaimSql = """
        UPDATE "trials" SET "State" = 'Running', "WorkerId" = {0}, "LeaseExpiresAt" = {1}, "LastHeartbeatAt" = {2},
            "StartedAt" = COALESCE("StartedAt", {2}), "Version" = "Version" + 1
        WHERE "State" = 'Pending' AND "Id" IN (
            SELECT "Id" FROM "trials" WHERE "State" = 'Pending' AND "Held" = 0
                AND "SweepId" NOT IN (SELECT "Id" FROM "sweeps" WHERE "State" = 'Paused')
                AND NOT EXISTS (SELECT 1 FROM "workers" WHERE "Id" = {0} AND "Draining" = 1)
            ORDER BY "Priority" DESC, "CreatedAt", "SweepId", "Number" LIMIT {3})
        RETURNING *
        """;

    // PostgreSQL may run a LIMIT … FOR UPDATE subquery of an IN more than once (and so lease more than asked for);
    // a CTE locking the picked rows is evaluated exactly once.
    private const string PostgresClaimSql = """
        WITH picked AS (
            SELECT "Id" FROM "trials" WHERE "State" = 'Pending' AND NOT "Held"
                AND "SweepId" NOT IN (SELECT "Id" FROM "sweeps" WHERE "State" = 'Paused')
                AND NOT EXISTS (SELECT 1 FROM "workers" WHERE "Id" = {0} AND "Draining")
            ORDER BY "Priority" DESC, "CreatedAt", "SweepId", "Number" LIMIT {3}
            FOR UPDATE SKIP LOCKED)
        UPDATE "trials" AS t SET "State" = 'Running', "WorkerId" = {0}, "LeaseExpiresAt" = {1}, "LastHeartbeatAt" = {2},
            "StartedAt" = COALESCE(t."StartedAt", {2}), "Version" = t."Version" + 1
        FROM picked WHERE t."Id" = picked."Id" AND t."State" = 'Pending'
        RETURNING t.*
        """;

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

    public async Task<IReadOnlyList<TrialChange>> RenewLeasesAsync(IReadOnlyList<TrialLease> leases, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        if (leases.Count == 0)
        {
            return [];
        }

        var ids = leases.Select(l => (l ?? throw new ArgumentNullException(nameof(leases))).TrialId).Distinct(StringComparer.Ordinal).ToList();
        for (var round = 1; ; round++)
        {
            // A worker's whole heartbeat in one context: one read and one save, whatever the number of leases.
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var trials = await db.Trials.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, StringComparer.Ordinal, cancellationToken);
            var now = Now();
            var outcomes = new ChangeOutcome[leases.Count];
            for (var i = 0; i < leases.Count; i++)
            {
                if (!trials.TryGetValue(leases[i].TrialId, out var trial))
                {
                    outcomes[i] = ChangeOutcome.NotFound;
                    continue;
                }

                outcomes[i] = CheckLease(trial, leases[i]);
                if (outcomes[i] == ChangeOutcome.Applied)
                {
                    trial.LeaseExpiresAt = now + leaseDuration;
                    trial.LastHeartbeatAt = now;
                    trial.Version++;
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                for (var i = 0; i < leases.Count; i++)
                {
                    if (outcomes[i] != ChangeOutcome.Applied)
                    {
                        _logger.LogInformation("Trial {TrialId}: renew lease refused ({Outcome})", leases[i].TrialId, outcomes[i]);
                    }
                }

                return [.. leases.Select((l, i) => new TrialChange(l.TrialId, outcomes[i], trials.GetValueOrDefault(l.TrialId)?.ToSnapshot()))];
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                _logger.LogDebug(ex, "Lease renewals of {TrialCount} trial(s) met a concurrent change; re-reading (round {Round})", ids.Count, round);
            }
        }
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

    public Task<IReadOnlyList<RequeuedTrial>> HandBackTrialAsync(TrialLease lease, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        CheckWorkerId(lease.WorkerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var (trialId, workerId, attempt) = (lease.TrialId, lease.WorkerId, lease.Attempt);
        return RequeueAsync(
            t => t.Id == trialId && t.WorkerId == workerId,
            (trial, _) => trial.WorkerId == workerId && trial.Attempt == attempt,
            reason,
            WorkerFate.HandedBack,
            cancellationToken);
    }

    public Task<IReadOnlyList<RequeuedTrial>> RequeueRunningTrialsAsync(string? sweepId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return sweepId is null
            ? RequeueAsync(t => true, (_, _) => true, reason, WorkerFate.Lost, cancellationToken)
            : RequeueAsync(t => t.SweepId == sweepId, (_, _) => true, reason, WorkerFate.Lost, cancellationToken);
    }

    public async Task<TrialSnapshot?> GetTrialAsync(string trialId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken);
        return trial?.ToSnapshot();
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
