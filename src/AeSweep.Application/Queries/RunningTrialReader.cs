using AeSweep.Application.Views;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// Every running trial with its sweep and latest epoch, for the cluster page: one read-model statement per refresh
/// (<c>ListRunningTrialsAsync</c>), never a sweep's history or one read per trial.
/// </summary>
public sealed class RunningTrialReader(ISweepReadModel store)
{
    public async Task<IReadOnlyList<RunningTrialRecord>> ListAsync(CancellationToken cancellationToken) =>
        (await store.ListRunningTrialsAsync(cancellationToken))
            .Select(r => new RunningTrialRecord(
                RecordMapping.Trial(r.Trial),
                r.Trial.SweepId,
                r.SweepName,
                r.LatestEpoch,
                RecordMapping.PlannedEpochs(r.Trial.Parameters)))
            .ToList();
}
