using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using SweepOverview = AeSweep.Application.Contracts.SweepOverview;

namespace AeSweep.Application.Queries;

/// <summary>
/// Sweeps for display. Store members used: <c>ListSweepsAsync</c>, <c>ListUnfinishedSweepsAsync</c>,
/// <c>GetSweepAsync</c>, <c>CountTrialsByStateAsync</c>, <c>GetBestTrialAsync</c> — the read model's
/// (<c>ISweepReadModel</c> once the store is split; <c>ListUnfinishedSweepsAsync</c> is the repository's).
/// </summary>
public sealed class SweepReader(ISweepReadModel store, ISweepRepository sweeps, StoredDefinitionCache definitions)
{
    public async Task<PageView<SweepView>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var sweeps = await store.ListSweepsAsync(page.Offset, page.Limit, cancellationToken);
        return new PageView<SweepView>(sweeps.Total, page.Offset, page.Limit, sweeps.Items.Select(ContractMapping.Sweep).ToList());
    }

    public async Task<SweepProgressView?> GetProgressAsync(string sweepId, CancellationToken cancellationToken) =>
        await store.GetSweepAsync(sweepId, cancellationToken) is { } sweep ? await ProgressAsync(sweep, cancellationToken) : null;

    public async Task<SweepDefinition?> GetDefinitionAsync(string sweepId, CancellationToken cancellationToken) =>
        await store.GetSweepAsync(sweepId, cancellationToken) is { } sweep ? definitions.Read(sweep) : null;

    /// <summary>Two store reads per row (counts, best): the read model's batched list replaces them.</summary>
    public async Task<PageView<SweepProgressView>> ListProgressAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var sweeps = await store.ListSweepsAsync(page.Offset, page.Limit, cancellationToken);
        var items = new List<SweepProgressView>(sweeps.Items.Count);
        foreach (var sweep in sweeps.Items)
        {
            items.Add(await ProgressAsync(sweep, cancellationToken));
        }

        return new PageView<SweepProgressView>(sweeps.Total, page.Offset, page.Limit, items);
    }

    public async Task<IReadOnlyList<SweepView>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        (await sweeps.ListUnfinishedSweepsAsync(cancellationToken)).Select(ContractMapping.Sweep).ToList();

    public async Task<SweepDetailView?> GetAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is not { } sweep)
        {
            return null;
        }

        var counts = await store.CountTrialsByStateAsync(sweepId, cancellationToken);
        return new SweepDetailView(ContractMapping.Sweep(sweep), ContractMapping.Budget(definitions.Read(sweep)), ContractMapping.Counts(counts));
    }

    public async Task<SweepOverview?> GetOverviewAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is not { } sweep)
        {
            return null;
        }

        var counts = await store.CountTrialsByStateAsync(sweepId, cancellationToken);
        var best = await store.GetBestTrialAsync(sweepId, cancellationToken);
        var definition = definitions.Read(sweep);
        return new SweepOverview(
            ContractMapping.Sweep(sweep),
            StoredDefinitions.Summary(sweep, definition),
            ContractMapping.Budget(definition),
            ContractMapping.Counts(counts),
            best is null ? null : ContractMapping.Trial(best));
    }

    private async Task<SweepProgressView> ProgressAsync(SweepSnapshot sweep, CancellationToken cancellationToken)
    {
        var counts = await store.CountTrialsByStateAsync(sweep.Id, cancellationToken);
        var best = await store.GetBestTrialAsync(sweep.Id, cancellationToken);
        return new SweepProgressView(
            ContractMapping.Sweep(sweep),
            ContractMapping.Budget(definitions.Read(sweep)),
            ContractMapping.Counts(counts),
            best is null ? null : ContractMapping.Trial(best));
    }
}
