using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using StoredOverview = AeSweep.Storage.Model.SweepOverview;
using SweepOverview = AeSweep.Application.Contracts.SweepOverview;

namespace AeSweep.Application.Queries;

/// <summary>
/// Sweeps for display, one store call each: the read model's <c>ListSweepsAsync</c>, <c>GetSweepAsync</c> and its
/// overviews (counts per state and the best trial batched with the sweeps), and the repository's
/// <c>ListUnfinishedSweepsAsync</c>.
/// </summary>
public sealed class SweepReader(ISweepReadModel store, ISweepRepository sweeps, StoredDefinitionCache definitions)
{
    public async Task<PageView<SweepView>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var sweeps = await store.ListSweepsAsync(page.Offset, page.Limit, cancellationToken);
        return new PageView<SweepView>(sweeps.Total, page.Offset, page.Limit, sweeps.Items.Select(ContractMapping.Sweep).ToList());
    }

    public async Task<SweepProgressView?> GetProgressAsync(string sweepId, CancellationToken cancellationToken) =>
        await store.GetSweepOverviewAsync(sweepId, cancellationToken) is { } overview ? Progress(overview) : null;

    public async Task<SweepDefinition?> GetDefinitionAsync(string sweepId, CancellationToken cancellationToken) =>
        await store.GetSweepAsync(sweepId, cancellationToken) is { } sweep ? definitions.Read(sweep) : null;

    /// <summary>One store call for the whole page: counts and best trials come batched with the sweeps.</summary>
    public async Task<PageView<SweepProgressView>> ListProgressAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var overviews = await store.ListSweepOverviewsAsync(page.Offset, page.Limit, cancellationToken);
        return new PageView<SweepProgressView>(overviews.Total, page.Offset, page.Limit, overviews.Items.Select(Progress).ToList());
    }

    public async Task<IReadOnlyList<SweepView>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        (await sweeps.ListUnfinishedSweepsAsync(cancellationToken)).Select(ContractMapping.Sweep).ToList();

    public async Task<SweepDetailView?> GetAsync(string sweepId, CancellationToken cancellationToken) =>
        await store.GetSweepOverviewAsync(sweepId, cancellationToken) is { } overview
            ? new SweepDetailView(
                ContractMapping.Sweep(overview.Sweep),
                Budget(overview.Sweep),
                ContractMapping.Counts(overview.TrialCounts),
                StoredDefinitions.Sampler(definitions.Read(overview.Sweep)),
                await WarmStartViews.ReadAsync(sweeps, definitions.Read(overview.Sweep), cancellationToken),
                overview.Sweep.Notes)
            : null;

    public async Task<SweepOverview?> GetOverviewAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.GetSweepOverviewAsync(sweepId, cancellationToken) is not { } overview)
        {
            return null;
        }

        var sweep = overview.Sweep;
        return new SweepOverview(
            ContractMapping.Sweep(sweep),
            StoredDefinitions.Summary(sweep, definitions.Read(sweep)),
            Budget(sweep),
            ContractMapping.Counts(overview.TrialCounts),
            overview.BestTrial is { } best ? ContractMapping.Trial(best) : null);
    }

    private SweepProgressView Progress(StoredOverview overview) => new(
        ContractMapping.Sweep(overview.Sweep),
        Budget(overview.Sweep),
        ContractMapping.Counts(overview.TrialCounts),
        overview.BestTrial is { } best ? ContractMapping.Trial(best) : null);

    /// <summary>
    /// The sweep's budget: max_trials, max_parallel and max_minutes from the sweep's columns (their owner, which a
    /// budget change updates); the limits without a column (max_trial_minutes, max_failed_trials, max_attempts) from the
    /// stored definition, read once per process. A sweep stored before the columns existed (null max_parallel) takes
    /// every limit from its definition.
    /// </summary>
    private BudgetView? Budget(SweepSnapshot sweep)
    {
        var stored = ContractMapping.Budget(definitions.Read(sweep));
        return stored is null || sweep.MaxParallel is not { } parallel
            ? stored
            : stored with { MaxTrials = sweep.MaxTrials, MaxParallel = parallel, MaxMinutes = sweep.MaxMinutes };
    }
}
