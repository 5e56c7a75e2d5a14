using AeSweep.Cluster.Abstractions;
using AeSweep.Worker.Runners;
using Microsoft.Extensions.Logging;

namespace AeSweep.Worker;

/// <summary>
/// Groups the trials a worker leased into packs, one per slot (execution.fuse): trials of one sweep with one fusion
/// key share a pack up to the sweep's pack size, and a pack with room is filled with more pending trials of its sweep
/// that have its key. The dispatcher cannot compute keys (they belong to the trainer), so the worker reads the
/// sweep's pending trials, picks the matching ones and claims exactly those by id: nothing is claimed only to be
/// handed back, and a trial another worker took meanwhile is simply not in the answer.
/// </summary>
internal static class TrialPacks
{
    // How many pending trials of the sweep to look at per missing member: enough to find matches among other
    // architectures, bounded because each coordinator keeps at most its max_parallel trials pending.
    private const int CandidatesPerMember = 4;

    /// <summary>
    /// The packs for <paramref name="leased"/> (each trial in exactly one), filled from the sweep's pending trials; all
    /// of one trial each when <paramref name="canFuse"/> is false (a worker without the built-in trainer).
    /// </summary>
    public static async Task<List<List<TrialAssignment>>> FormAsync(
        IReadOnlyList<TrialAssignment> leased, ITrialDispatcherGrain dispatcher, WorkerOptions options, bool canFuse, ILogger logger)
    {
        var packs = new List<Pack>();
        foreach (var assignment in leased)
        {
            var size = canFuse ? FusedPackRunner.PackSize(assignment, options.Device) : 1;
            var key = size > 1 ? FusedPackRunner.KeyOf(assignment.Parameters, assignment.ResumeFromCheckpoint, assignment.Training, options.Device) : null;
            var pack = key is null ? null : packs.Find(p => p.Key == key && p.SweepId == assignment.SweepId && p.Members.Count < p.Size);
            if (pack is null)
            {
                packs.Add(new Pack(assignment.SweepId, key, key is null ? 1 : size, [assignment]));
            }
            else
            {
                pack.Members.Add(assignment);
            }
        }

        foreach (var pack in packs.Where(p => p.Key is not null && p.Members.Count < p.Size))
        {
            try
            {
                await FillAsync(pack, dispatcher, options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The pack trains with the members it has; the pending trials stay pending for the next slot.
                logger.LogWarning("Worker {WorkerId}: could not fill a pack of sweep {SweepId} ({Message})", options.WorkerId, pack.SweepId, ex.Message);
            }
        }

        return [.. packs.Select(p => p.Members)];
    }

    private static async Task FillAsync(Pack pack, ITrialDispatcherGrain dispatcher, WorkerOptions options)
    {
        var missing = pack.Size - pack.Members.Count;
        var training = pack.Members[0].Training;
        var candidates = await dispatcher.PendingTrialsAsync(pack.SweepId, missing * CandidatesPerMember);
        var matching = candidates
            .Where(c => FusedPackRunner.KeyOf(c.Parameters, c.ResumeFromCheckpoint, training, options.Device) == pack.Key)
            .Take(missing)
            .Select(c => c.TrialId)
            .ToList();
        if (matching.Count > 0)
        {
            pack.Members.AddRange(await dispatcher.LeaseTrialsByIdAsync(options.WorkerId, matching));
        }
    }

    private sealed record Pack(string SweepId, string? Key, int Size, List<TrialAssignment> Members);
}
