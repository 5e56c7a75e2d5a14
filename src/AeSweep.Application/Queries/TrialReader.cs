using AeSweep.Application.Contracts;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Application.Queries;

/// <summary>
/// Trials for display and export. Store members used: <c>GetSweepAsync</c>, <c>ListTrialsAsync</c>,
/// <c>GetTrialDetailAsync</c>, <c>GetBestTrialAsync</c> — the read model's (<c>ISweepReadModel</c> once split).
/// </summary>
public sealed class TrialReader(ISweepReadModel store)
{
    private const int ExportPageSize = 1000;

    public async Task<PageView<TrialView>?> ListAsync(string sweepId, TrialPageRequest request, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is null)
        {
            return null;
        }

        var page = request.Page;
        var trials = await store.ListTrialsAsync(sweepId, new TrialQuery(page.Offset, page.Limit, request.SortBy, request.Descending, request.State), cancellationToken);
        return new PageView<TrialView>(trials.Total, page.Offset, page.Limit, trials.Items.Select(ContractMapping.Trial).ToList());
    }

    public async Task<TrialDetailView?> GetAsync(string trialId, CancellationToken cancellationToken) =>
        await store.GetTrialDetailAsync(trialId, cancellationToken) is { } detail ? ContractMapping.TrialDetail(detail) : null;

    public async Task<TrialDetailView?> GetBestAsync(string sweepId, CancellationToken cancellationToken) =>
        await store.GetBestTrialAsync(sweepId, cancellationToken) is { } best ? await GetAsync(best.Id, cancellationToken) : null;

    public async Task<SweepExportFile?> ExportAsync(string sweepId, ExportFormat format, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is null)
        {
            return null;
        }

        var all = new List<TrialSnapshot>();
        while (true)
        {
            var page = await store.ListTrialsAsync(sweepId, new TrialQuery(all.Count, ExportPageSize), cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count < ExportPageSize || all.Count >= page.Total)
            {
                return SweepExportWriter.Write(sweepId, all, format);
            }
        }
    }
}
