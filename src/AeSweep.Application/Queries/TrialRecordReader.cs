using AeSweep.Application.Views;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// A trial for the dashboard's trial and compare pages. Store members used: <c>GetTrialDetailAsync</c> and
/// <c>GetSweepAsync</c> for the sweep's name (the read model's, once the store is split).
/// </summary>
public sealed class TrialRecordReader(ISweepReadModel store)
{
    public async Task<TrialRecordDetail?> GetAsync(string trialId, CancellationToken cancellationToken)
    {
        if (await store.GetTrialDetailAsync(trialId, cancellationToken) is not { } detail)
        {
            return null;
        }

        var sweep = await store.GetSweepAsync(detail.Trial.SweepId, cancellationToken);
        return new TrialRecordDetail(
            RecordMapping.Trial(detail.Trial),
            sweep?.Name ?? detail.Trial.SweepId,
            RecordMapping.Epochs(detail.Epochs),
            [.. detail.Artifacts.Select(RecordMapping.Artifact)]);
    }
}
