using System.Collections.Concurrent;
using AeSweep.Core.Trials;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

/// <summary>
/// The store on EF Core (SQLite or PostgreSQL), one class behind the five purpose interfaces — <see cref="ISweepRepository"/>,
/// <see cref="ITrialQueue"/>, <see cref="ITrialResultStore"/>, <see cref="IWorkerRegistry"/>, <see cref="ISweepReadModel"/> —
/// one partial file each. Each call opens its own short-lived context.
/// State changes read the row, check the life-cycle guard, and write with the row's version as an optimistic
/// concurrency token; when another writer got there first, the call re-reads and re-checks, so the loser learns the
/// new state (e.g. <see cref="ChangeOutcome.AlreadyFinished"/>) instead of overwriting it.
/// This file holds the sweep repository and the shared machinery.
/// </summary>
public sealed partial class EfSweepStore : ISweepRepository
{
    private const int MaxConflictRounds = 8;
    private const int MaxPageSize = 1000;

    private readonly IDbContextFactory<SweepDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly ILogger<EfSweepStore> _logger;
    private readonly ConcurrentDictionary<string, string> _metricNames = new(StringComparer.Ordinal);

    public EfSweepStore(IDbContextFactory<SweepDbContext> contexts, TimeProvider clock, ILogger<EfSweepStore> logger)
    {
        _contexts = contexts;
        _clock = clock;
        _logger = logger;
    }

    public async Task<SweepSnapshot> CreateSweepAsync(NewSweep sweep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentException.ThrowIfNullOrWhiteSpace(sweep.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sweep.DefinitionText);
        ArgumentException.ThrowIfNullOrWhiteSpace(sweep.MetricName);
        if (sweep.Id is not null && (string.IsNullOrWhiteSpace(sweep.Id) || sweep.Id.Length > StorageLimits.IdLength))
        {
            throw new ArgumentException($"a sweep id must be 1 to {StorageLimits.IdLength} characters", nameof(sweep));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sweep.MaxAttempts, 1);
        if (sweep.MaxTrials < 1 || sweep.MaxParallel < 1 || sweep.MaxMinutes is <= 0 or double.NaN or double.PositiveInfinity)
        {
            throw new ArgumentException("a budget limit must be positive", nameof(sweep));
        }

        var entity = new SweepEntity
        {
            Id = sweep.Id ?? ReadableIds.NewSweepId(),
            Name = sweep.Name,
            DefinitionText = sweep.DefinitionText,
            DefinitionFormat = sweep.DefinitionFormat,
            State = SweepState.Pending,
            Seed = sweep.Seed,
            MetricName = sweep.MetricName,
            MetricGoal = sweep.MetricGoal,
            MaxAttempts = sweep.MaxAttempts,
            MaxTrials = sweep.MaxTrials,
            MaxParallel = sweep.MaxParallel,
            MaxMinutes = sweep.MaxMinutes,
            CreatedAt = Now(),
        };
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.Sweeps.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("Created sweep {SweepId} ({SweepName})", entity.Id, entity.Name);
        return entity.ToSnapshot();
    }

    public Task<SweepChange> StartSweepAsync(string sweepId, CancellationToken cancellationToken) =>
        ChangeSweepAsync(sweepId, SweepState.Running, reason: null, cancellationToken);

    public Task<SweepChange> FinishSweepAsync(string sweepId, SweepState finalState, string? reason, CancellationToken cancellationToken)
    {
        if (!finalState.IsFinished())
        {
            throw new ArgumentException($"{finalState} is not a final sweep state", nameof(finalState));
        }

        if (finalState != SweepState.Completed && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"a {finalState} sweep needs a reason", nameof(reason));
        }

        return ChangeSweepAsync(sweepId, finalState, reason, cancellationToken);
    }

    public async Task<SweepSnapshot?> GetSweepAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sweep = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, cancellationToken);
        return sweep?.ToSnapshot();
    }

    public async Task<IReadOnlyList<SweepSnapshot>> ListUnfinishedSweepsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sweeps = await db.Sweeps.AsNoTracking()
            .Where(s => s.State == SweepState.Pending || s.State == SweepState.Running || s.State == SweepState.Paused)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return [.. sweeps.Select(s => s.ToSnapshot())];
    }

    public async Task<SweepHistory?> GetSweepHistoryAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var sweep = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, cancellationToken);
        if (sweep is null)
        {
            return null;
        }

        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweepId)
            .OrderBy(t => t.Number)
            .ToListAsync(cancellationToken);
        var epochs = await (
                from m in db.EpochMetrics.AsNoTracking()
                join t in db.Trials on m.TrialId equals t.Id
                where t.SweepId == sweepId
                orderby m.TrialId, m.Epoch
                select m)
            .ToListAsync(cancellationToken);
        var epochsByTrial = epochs
            .GroupBy(m => m.TrialId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EpochMetrics>)[.. g.Select(m => m.ToSnapshot())], StringComparer.Ordinal);
        return new SweepHistory(sweep.ToSnapshot(), [.. trials.Select(t => t.ToSnapshot())], epochsByTrial);
    }

    private async Task<SweepChange> ChangeSweepAsync(string sweepId, SweepState target, string? reason, CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var sweep = await db.Sweeps.SingleOrDefaultAsync(s => s.Id == sweepId, cancellationToken);
            if (sweep is null)
            {
                return new SweepChange(sweepId, ChangeOutcome.NotFound, null);
            }

            if (!sweep.State.CanMoveTo(target))
            {
                var refusal = sweep.State.IsFinished() ? ChangeOutcome.AlreadyFinished : ChangeOutcome.InvalidTransition;
                _logger.LogInformation("Sweep {SweepId}: {From} → {To} refused ({Outcome})", sweepId, sweep.State, target, refusal);
                return new SweepChange(sweepId, refusal, sweep.ToSnapshot());
            }

            var now = Now();
            sweep.State = target;
            sweep.Version++;
            if (target == SweepState.Running)
            {
                sweep.StartedAt ??= now;
            }
            else if (target.IsFinished())
            {
                sweep.FinishedAt = now;
                sweep.Reason = ReasonLimit.ApplyOrNull(reason);
            }

            try
            {
                // The sweep update comes first, so on SQLite the transaction takes the write lock before it reads.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var cancelledTrials = 0;
                if (target.IsFinished())
                {
                    cancelledTrials = await CancelUnfinishedTrialsAsync(db, sweepId, ReasonLimit.Apply(reason ?? $"sweep {target.ToString().ToLowerInvariant()}"), now, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                _logger.LogInformation("Sweep {SweepId} is now {SweepState} (reason: {Reason}; {CancelledTrials} unfinished trial(s) cancelled)",
                    sweepId, target, reason, cancelledTrials);
                return new SweepChange(sweepId, ChangeOutcome.Applied, sweep.ToSnapshot());
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                _logger.LogDebug(ex, "Sweep {SweepId}: concurrent change while moving to {SweepState}; re-reading (round {Round})", sweepId, target, round);
            }
        }
    }

    private static Task<int> CancelUnfinishedTrialsAsync(SweepDbContext db, string sweepId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Trials
            .Where(t => t.SweepId == sweepId && (t.State == TrialState.Pending || t.State == TrialState.Running))
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.State, TrialState.Cancelled)
                    .SetProperty(t => t.Reason, reason)
                    .SetProperty(t => t.FinishedAt, now)
                    .SetProperty(t => t.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                cancellationToken);

    /// <summary>The current time at millisecond precision, so every provider stores and returns the same instant.</summary>
    private DateTimeOffset Now()
    {
        var now = _clock.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static (int Offset, int Limit) CheckPage(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return (offset, Math.Min(limit, MaxPageSize));
    }
}
