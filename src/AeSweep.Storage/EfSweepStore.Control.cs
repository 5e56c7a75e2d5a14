using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AeSweep.Storage;

// Sweep control: pause and resume, budget changes, queued (held) trials, draining workers.
public sealed partial class EfSweepStore : ISweepControlStore
{
    public Task<SweepChange> PauseSweepAsync(string sweepId, CancellationToken cancellationToken) =>
        ChangeSweepAsync(sweepId, SweepState.Paused, reason: null, cancellationToken);

    public async Task<SweepChange> ResumeSweepAsync(string sweepId, CancellationToken cancellationToken)
    {
        // Only a paused sweep resumes: Pending → Running is the coordinator's start, not a resume.
        var sweep = await GetSweepAsync(sweepId, cancellationToken);
        if (sweep is null)
        {
            return new SweepChange(sweepId, ChangeOutcome.NotFound, null);
        }

        return sweep.State == SweepState.Paused
            ? await ChangeSweepAsync(sweepId, SweepState.Running, reason: null, cancellationToken)
            : new SweepChange(sweepId, sweep.State.IsFinished() ? ChangeOutcome.AlreadyFinished : ChangeOutcome.InvalidTransition, sweep);
    }

    public async Task<SweepChange> ChangeBudgetAsync(string sweepId, int? maxTrials, int maxParallel, double? maxMinutes, string definitionText, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionText);
        if (maxTrials < 1 || maxParallel < 1 || maxMinutes is <= 0 or double.NaN or double.PositiveInfinity)
        {
            throw new ArgumentException("a budget limit must be positive");
        }

        for (var round = 1; ; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var sweep = await db.Sweeps.SingleOrDefaultAsync(s => s.Id == sweepId, cancellationToken);
            if (sweep is null)
            {
                return new SweepChange(sweepId, ChangeOutcome.NotFound, null);
            }

            if (sweep.State.IsFinished())
            {
                return new SweepChange(sweepId, ChangeOutcome.AlreadyFinished, sweep.ToSnapshot());
            }

            sweep.MaxTrials = maxTrials;
            sweep.MaxParallel = maxParallel;
            sweep.MaxMinutes = maxMinutes;
            sweep.DefinitionText = definitionText;
            sweep.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _logger.LogInformation("Sweep {SweepId}: budget changed to max_trials {MaxTrials}, max_parallel {MaxParallel}, max_minutes {MaxMinutes}",
                    sweepId, maxTrials, maxParallel, maxMinutes);
                return new SweepChange(sweepId, ChangeOutcome.Applied, sweep.ToSnapshot());
            }
            catch (DbUpdateException ex) when (round < MaxConflictRounds)
            {
                _logger.LogDebug(ex, "Sweep {SweepId}: concurrent change while changing its budget; re-reading", sweepId);
            }
        }
    }

    public Task<IReadOnlyList<TrialSnapshot>> AddQueuedTrialsAtAsync(string sweepId, int firstNumber, IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters, TrialOrigin origin, string? retryOf, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstNumber);
        if (origin == TrialOrigin.Sampled)
        {
            throw new ArgumentException("queued trials are enqueued or retries", nameof(origin));
        }

        return AddTrialsAsync(sweepId, parameters, start: null, firstNumber, cancellationToken, queued: new QueuedTrials(origin, retryOf));
    }

    public async Task<IReadOnlyList<string>> ReleaseHeldTrialsAsync(string sweepId, int maxCount, CancellationToken cancellationToken)
    {
        if (maxCount < 1)
        {
            return [];
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var held = await db.Trials
            .Where(t => t.SweepId == sweepId && t.State == TrialState.Pending && t.Held)
            .OrderBy(t => t.Number)
            .Take(maxCount)
            .ToListAsync(cancellationToken);
        foreach (var trial in held)
        {
            trial.Held = false;
            trial.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. held.Select(t => t.Id)];
    }

    public async Task<WorkerSnapshot?> SetWorkerDrainingAsync(string workerId, bool draining, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var worker = await db.Workers.SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
        {
            return null;
        }

        worker.Draining = draining;
        await db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("Worker {WorkerId}: {Drain}", workerId, draining ? "draining (finishes its trials, takes no new ones)" : "undrained");
        return worker.ToSnapshot();
    }

    public async Task<bool> IsWorkerDrainingAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Workers.AnyAsync(w => w.Id == workerId && w.Draining, cancellationToken);
    }
}
