using AeSweep.Application.Views;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Application.Queries;

/// <summary>
/// The leaderboard's pages: sorted, filtered and paged in the database (<c>ListTrialsAsync</c>), plus the page's epoch
/// counts and latest epoch metrics in one more statement (<c>GetEpochSummariesAsync</c>). Never loads the whole sweep.
/// </summary>
public sealed class LeaderboardReader(ISweepReadModel store)
{
    public async Task<LeaderboardPage?> ListAsync(string sweepId, LeaderboardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await store.GetSweepAsync(sweepId, cancellationToken) is null)
        {
            return null;
        }

        var query = new TrialQuery(request.Page.Offset, request.Page.Limit, request.SortBy, request.Descending, null, request.SortName, request.States, request.Ranges, request.Text);
        var page = await store.ListTrialsAsync(sweepId, query, cancellationToken);
        var epochs = await store.GetEpochSummariesAsync([.. page.Items.Select(t => t.Id)], cancellationToken);
        return new LeaderboardPage(page.Total, [.. page.Items.Select(t => epochs.TryGetValue(t.Id, out var e)
            ? new LeaderboardTrial(RecordMapping.Trial(t), e.Epochs, e.LatestMetrics)
            : new LeaderboardTrial(RecordMapping.Trial(t), 0, null))]);
    }
}
