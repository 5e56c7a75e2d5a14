using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;

namespace AeSweep.Storage.Tests;

// The leaderboard's sorts and filters over JSON metrics and parameters, run in the database on both providers.
public abstract partial class SweepStoreContractTests
{
    /// <summary>
    /// Six trials: #0..#3 completed (val_mse 0.4, 0.1, 0.3, 0.2; ssim the reverse order), #4 failed with a NaN metric, #5
    /// pending. Parameters: learning_rate 1e-3 × (number+1), activation relu/gelu alternating, #3 without an activation.
    /// Trial #n runs n+1 seconds.
    /// </summary>
    private async Task<(EfSweepStore Store, string SweepId)> LeaderboardSweepAsync()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        double[] mse = [0.4, 0.1, 0.3, 0.2];
        for (var i = 0; i < 6; i++)
        {
            var parameters = new Dictionary<string, ParameterValue>
            {
                ["learning_rate"] = ParameterValue.Of(0.001 * (i + 1)),
                ["depth"] = ParameterValue.Of(i % 3),
            };
            if (i != 3)
            {
                parameters["activation"] = ParameterValue.Of(i % 2 == 0 ? "relu" : "gelu");
            }

            var trial = await store.AddTrialAsync(sweep.Id, parameters, Ct);
            if (i == 5)
            {
                continue;
            }

            var lease = (await store.StartTrialAsync(trial.Id, "worker-a", Lease, Ct)).EnsureApplied().Lease;
            Clock.Advance(TimeSpan.FromSeconds(i + 1));
            var finish = i < 4
                ? new TrialFinish(trial.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["val_mse"] = mse[i], ["val_ssim"] = 1 - mse[i] }, Lease: lease)
                : new TrialFinish(trial.Id, TrialState.Failed, "loss became NaN", Metrics: new Dictionary<string, double> { ["val_mse"] = double.NaN }, Lease: lease);
            (await store.FinishTrialAsync(finish, Ct)).EnsureApplied();
        }

        return (store, sweep.Id);
    }

    private async Task<int[]> NumbersAsync(EfSweepStore store, string sweepId, TrialQuery query) =>
        [.. (await store.ListTrialsAsync(sweepId, query, Ct)).Items.Select(t => t.Number)];

    [ContractFact]
    public async Task Trials_sort_by_any_metric_in_the_database_with_missing_and_NaN_values_last()
    {
        var (store, sweepId) = await LeaderboardSweepAsync();

        Assert.Equal(new[] { 1, 3, 2, 0, 4, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Metric, SortName: "val_mse")));
        Assert.Equal(new[] { 0, 2, 3, 1, 4, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Metric, SortName: "val_ssim", Descending: false)));
        Assert.Equal(new[] { 1, 3, 2, 0, 4, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Metric, SortName: "val_ssim", Descending: true)));
        // Paging applies after the sort.
        Assert.Equal(new[] { 2, 0 }, await NumbersAsync(store, sweepId, new TrialQuery(Offset: 2, Limit: 2, SortBy: TrialSortKey.Metric, SortName: "val_mse")));
    }

    [ContractFact]
    public async Task Trials_sort_by_numeric_and_categorical_parameters_in_the_database()
    {
        var (store, sweepId) = await LeaderboardSweepAsync();

        Assert.Equal(new[] { 5, 4, 3, 2, 1, 0 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Parameter, SortName: "learning_rate", Descending: true)));
        Assert.Equal(new[] { 0, 3, 1, 4, 2, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Parameter, SortName: "depth")));
        // Categories alphabetically (gelu before relu), the trial without one last.
        Assert.Equal(new[] { 1, 5, 0, 2, 4, 3 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Parameter, SortName: "activation")));
    }

    [ContractFact]
    public async Task Trials_sort_by_duration_with_unfinished_ones_last()
    {
        var (store, sweepId) = await LeaderboardSweepAsync();

        Assert.Equal(new[] { 4, 3, 2, 1, 0, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Duration, Descending: true)));
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Limit: 10, SortBy: TrialSortKey.Duration)));
    }

    [ContractFact]
    public async Task Trials_filter_by_states_ranges_and_search_text_in_the_database()
    {
        var (store, sweepId) = await LeaderboardSweepAsync();

        var finished = await store.ListTrialsAsync(sweepId, new TrialQuery(States: [TrialState.Failed, TrialState.Pending]), Ct);
        Assert.Equal(2, finished.Total);
        Assert.Equal([4, 5], finished.Items.Select(t => t.Number));

        var good = new TrialValueRange(TrialValueSource.Metric, "val_mse", Max: 0.25);
        Assert.Equal(new[] { 1, 3 }, await NumbersAsync(store, sweepId, new TrialQuery(Ranges: [good])));
        var slow = new TrialValueRange(TrialValueSource.Parameter, "learning_rate", Min: 0.0025, Max: 0.0045);
        Assert.Equal(new[] { 2, 3 }, await NumbersAsync(store, sweepId, new TrialQuery(Ranges: [slow])));
        Assert.Equal(new[] { 3 }, await NumbersAsync(store, sweepId, new TrialQuery(Ranges: [good, slow])));

        Assert.Equal(new[] { 1, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Text: "activation=gelu")));
        Assert.Equal(new[] { 2 }, await NumbersAsync(store, sweepId, new TrialQuery(Text: "learning_rate=0.003")));
        Assert.Equal(new[] { 4 }, await NumbersAsync(store, sweepId, new TrialQuery(Text: "#4")));
        Assert.Equal(new[] { 4 }, await NumbersAsync(store, sweepId, new TrialQuery(Text: "failed")));
        Assert.Equal(new[] { 1, 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Text: "GELU")));
        Assert.Equal(new[] { 5 }, await NumbersAsync(store, sweepId, new TrialQuery(Text: "gelu pending")));

        // Filters, sort and page together; the total counts the filtered trials.
        var page = await store.ListTrialsAsync(sweepId, new TrialQuery(Limit: 1, SortBy: TrialSortKey.Metric, SortName: "val_mse", States: [TrialState.Completed], Text: "relu"), Ct);
        Assert.Equal((2, 2), (page.Total, page.Items.Single().Number));
    }
}
