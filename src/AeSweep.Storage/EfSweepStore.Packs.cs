using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

// Fused packs (execution.fuse): a worker looks at a sweep's pending trials before it claims the ones it can fuse.
public sealed partial class EfSweepStore
{
    public async Task<IReadOnlyList<TrialSnapshot>> PendingTrialsOfSweepAsync(string sweepId, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweepId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        // Lowest numbers first: within one sweep that is the order the trials were suggested in.
        var pending = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweepId && t.State == TrialState.Pending && !t.Held && t.Sweep!.State != SweepState.Paused)
            .OrderBy(t => t.Number)
            .Take(maxCount)
            .ToListAsync(cancellationToken);
        return [.. pending.Select(t => t.ToSnapshot())];
    }
}
