using AeSweep.Application.Views;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// A sweep's analysis (leaderboard, history, learning curves, parallel coordinates, importance, gallery) in one store
/// read: <c>GetSweepHistoryAsync</c> (the read model's, once the store is split). The definition is read once per sweep.
/// </summary>
public sealed class SweepAnalysisReader(ISweepRepository store, StoredDefinitionCache definitions)
{
    public async Task<SweepAnalysis?> GetAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.GetSweepHistoryAsync(sweepId, cancellationToken) is not { } history)
        {
            return null;
        }

        return new SweepAnalysis(
            RecordMapping.Sweep(history.Sweep),
            RecordMapping.Design(definitions.Read(history.Sweep)),
            [.. history.Trials.OrderBy(t => t.Number).Select(RecordMapping.Trial)],
            history.EpochMetrics.ToDictionary(e => e.Key, e => RecordMapping.Epochs(e.Value), StringComparer.Ordinal));
    }
}
