using AeSweep.Application.Views;
using AeSweep.Core.Trials;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// Every running trial with its latest epoch, for the cluster page: one history read per running sweep
/// (<c>ListUnfinishedSweepsAsync</c>, <c>GetSweepHistoryAsync</c>), never one read per trial as the page did. The read
/// model's running-trials query replaces the per-sweep reads once the store is split.
/// </summary>
public sealed class RunningTrialReader(ISweepRepository store)
{
    public async Task<IReadOnlyList<RunningTrialRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var running = new List<RunningTrialRecord>();
        foreach (var sweep in await store.ListUnfinishedSweepsAsync(cancellationToken))
        {
            if (await store.GetSweepHistoryAsync(sweep.Id, cancellationToken) is not { } history)
            {
                continue;
            }

            foreach (var trial in history.Trials.Where(t => t.State == TrialState.Running).OrderBy(t => t.Number))
            {
                var epochs = history.EpochMetrics.GetValueOrDefault(trial.Id) ?? [];
                running.Add(new RunningTrialRecord(
                    RecordMapping.Trial(trial),
                    sweep.Id,
                    sweep.Name,
                    epochs.Select(e => e.Epoch).DefaultIfEmpty(0).Max(),
                    RecordMapping.PlannedEpochs(trial.Parameters)));
            }
        }

        return running;
    }
}
