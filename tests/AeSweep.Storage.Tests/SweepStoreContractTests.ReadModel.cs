using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using AeSweep.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AeSweep.Storage.Tests;

// The ISweepReadModel contract.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task Trials_page_and_sort_in_the_database()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        double?[] objectives = [0.5, 0.1, null, 0.3, 0.2, null, 0.4];
        for (var i = 0; i < objectives.Length; i++)
        {
            var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(i), Ct);
            var lease = (await store.StartTrialAsync(trial.Id, "worker-a", Lease, Ct)).EnsureApplied().Lease;
            Clock.Advance(TimeSpan.FromSeconds(1));
            var finish = objectives[i] is { } value
                ? new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(value), Lease: lease)
                : new TrialFinish(trial.Id, TrialState.Failed, "loss became NaN", Lease: lease);
            (await store.FinishTrialAsync(finish, Ct)).EnsureApplied();
        }

        var pending = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        var byNumber = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Offset: 3, Limit: 3), Ct);
        Assert.Equal((8, 3, 3), (byNumber.Total, byNumber.Offset, byNumber.Limit));
        Assert.Equal([3, 4, 5], byNumber.Items.Select(t => t.Number));

        var last = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Offset: 6, Limit: 3), Ct);
        Assert.Equal([6, 7], last.Items.Select(t => t.Number));

        var newestFirst = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 2, Descending: true), Ct);
        Assert.Equal([7, 6], newestFirst.Items.Select(t => t.Number));

        var best = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 100, SortBy: TrialSortKey.Objective), Ct);
        Assert.Equal([1, 4, 3, 6, 0, 2, 5, 7], best.Items.Select(t => t.Number));

        var worst = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 100, SortBy: TrialSortKey.Objective, Descending: true), Ct);
        Assert.Equal([0, 6, 3, 4, 1, 2, 5, 7], worst.Items.Select(t => t.Number));

        var finishedLast = await store.ListTrialsAsync(sweep.Id, new TrialQuery(Limit: 3, SortBy: TrialSortKey.FinishedAt, Descending: true), Ct);
        Assert.Equal([6, 5, 4], finishedLast.Items.Select(t => t.Number));

        var failed = await store.ListTrialsAsync(sweep.Id, new TrialQuery(State: TrialState.Failed), Ct);
        Assert.Equal(2, failed.Total);
        Assert.Equal([2, 5], failed.Items.Select(t => t.Number));

        Assert.Equal(1, (await store.GetBestTrialAsync(sweep.Id, Ct))!.Number);
        Assert.Equal(pending.Id, (await store.ListTrialsAsync(sweep.Id, new TrialQuery(State: TrialState.Pending), Ct)).Items.Single().Id);
    }

    [ContractFact]
    public async Task A_maximized_metric_ranks_the_largest_value_first()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(goal: MetricGoal.Maximize), Ct);
        foreach (var value in new[] { 0.2, 0.9, 0.5 })
        {
            var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
            await store.StartTrialAsync(trial.Id, "worker-a", Lease, Ct);
            await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(value)), Ct);
        }

        var ranked = await store.ListTrialsAsync(sweep.Id, new TrialQuery(SortBy: TrialSortKey.Objective), Ct);

        Assert.Equal([0.9, 0.5, 0.2], ranked.Items.Select(t => t.ObjectiveValue!.Value));
        Assert.Equal(0.9, (await store.GetBestTrialAsync(sweep.Id, Ct))!.ObjectiveValue);
    }

    [ContractFact]
    public async Task Counts_cover_every_state()
    {
        var (store, sweep, running) = await RunningTrialAsync();
        await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var cancelled = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        await store.FinishTrialAsync(new TrialFinish(cancelled.Id, TrialState.Cancelled, "user asked"), Ct);

        var counts = await store.CountTrialsByStateAsync(sweep.Id, Ct);

        Assert.Equal(Enum.GetValues<TrialState>().Length, counts.Count);
        Assert.Equal((1, 1, 1, 0), (counts[TrialState.Pending], counts[TrialState.Running], counts[TrialState.Cancelled], counts[TrialState.Completed]));
        Assert.Equal(running.Id, (await store.ListTrialsAsync(sweep.Id, new TrialQuery(State: TrialState.Running), Ct)).Items.Single().Id);
    }

    [ContractFact]
    public async Task Sweeps_list_newest_first_in_pages()
    {
        var store = OpenStore();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.CreateSweepAsync(ASweep($"sweep-{i}"), Ct)).Id);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await store.ListSweepsAsync(0, 2, Ct);
        var rest = await store.ListSweepsAsync(2, 10, Ct);

        Assert.Equal((5, 2), (first.Total, first.Items.Count));
        Assert.Equal(Enumerable.Reverse(ids), first.Items.Concat(rest.Items).Select(s => s.Id));
    }

    [ContractFact]
    public async Task Sweep_overviews_give_the_counts_and_best_of_the_per_sweep_queries()
    {
        var store = OpenStore();
        var minimized = await store.CreateSweepAsync(ASweep("minimized"), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var maximized = await store.CreateSweepAsync(ASweep("maximized", MetricGoal.Maximize), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var empty = await store.CreateSweepAsync(ASweep("empty"), Ct);
        foreach (var sweep in new[] { minimized, maximized })
        {
            // Values 0.5, 0.2, 0.9, 0.2 (a tie: the lower number wins), one failed, one pending, one running.
            var added = await store.AddTrialsAsync(sweep.Id, [.. Enumerable.Range(0, 6).Select(i => (IReadOnlyDictionary<string, ParameterValue>)SomeParameters(i))], Ct);
            var claimed = await store.ClaimPendingTrialsAsync("worker-a", 6, Lease, Ct);
            foreach (var (trial, value) in claimed.Take(4).Zip([0.5, 0.2, 0.9, 0.2]))
            {
                await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: Metric(value), Lease: trial.Lease), Ct);
            }

            await store.FinishTrialAsync(new TrialFinish(claimed[4].Id, TrialState.Failed, "boom", Lease: claimed[4].Lease), Ct);
            Assert.Equal(6, added.Count);
        }

        await store.AddTrialAsync(minimized.Id, SomeParameters(), Ct);
        await store.AddTrialAsync(maximized.Id, SomeParameters(), Ct);

        var page = await OpenStore().ListSweepOverviewsAsync(0, 10, Ct);

        Assert.Equal(3, page.Total);
        Assert.Equal([empty.Id, maximized.Id, minimized.Id], page.Items.Select(o => o.Sweep.Id));
        foreach (var overview in page.Items)
        {
            var best = await store.GetBestTrialAsync(overview.Sweep.Id, Ct);
            Assert.Equal(await store.CountTrialsByStateAsync(overview.Sweep.Id, Ct), overview.TrialCounts);
            Assert.Equal(best, overview.BestTrial, TrialComparer);
            Assert.Equal(await store.GetSweepAsync(overview.Sweep.Id, Ct), overview.Sweep);
            Assert.Equal(overview, await store.GetSweepOverviewAsync(overview.Sweep.Id, Ct), OverviewComparer);
        }

        Assert.Equal((0.2, 1), (page.Items[2].BestTrial!.ObjectiveValue, page.Items[2].BestTrial!.Number));
        Assert.Equal((0.9, 2), (page.Items[1].BestTrial!.ObjectiveValue, page.Items[1].BestTrial!.Number));
        Assert.Equal(SomeParameters(1), page.Items[2].BestTrial!.Parameters);
        Assert.Equal(0.2, page.Items[2].BestTrial!.FinalMetrics!["val_mse"]);
        Assert.Equal((4, 1, 1, 1), (page.Items[2].TrialCounts[TrialState.Completed], page.Items[2].TrialCounts[TrialState.Failed],
            page.Items[2].TrialCounts[TrialState.Running], page.Items[2].TrialCounts[TrialState.Pending]));
        Assert.Null(page.Items[0].BestTrial);
        Assert.All(page.Items[0].TrialCounts.Values, c => Assert.Equal(0, c));
        Assert.Equal([maximized.Id], (await store.ListSweepOverviewsAsync(1, 1, Ct)).Items.Select(o => o.Sweep.Id));
        Assert.Null(await store.GetSweepOverviewAsync("no-such-sweep", Ct));
    }

    [ContractFact]
    public async Task Sweep_overviews_carry_the_budget_columns()
    {
        var store = OpenStore();
        var budgeted = await store.CreateSweepAsync(ASweep("budgeted") with { MaxTrials = 40, MaxParallel = 4, MaxMinutes = 90 }, Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var unbounded = await store.CreateSweepAsync(ASweep("unbounded") with { MaxParallel = 1 }, Ct);

        var page = await store.ListSweepOverviewsAsync(0, 10, Ct);

        Assert.Equal([unbounded.Id, budgeted.Id], page.Items.Select(o => o.Sweep.Id));
        Assert.Equal((40, 4, 90.0), (page.Items[1].Sweep.MaxTrials, page.Items[1].Sweep.MaxParallel, page.Items[1].Sweep.MaxMinutes));
        Assert.Equal((null, 1, null), (page.Items[0].Sweep.MaxTrials, page.Items[0].Sweep.MaxParallel, page.Items[0].Sweep.MaxMinutes));
        Assert.Equal(budgeted, (await store.GetSweepOverviewAsync(budgeted.Id, Ct))!.Sweep);
    }

    [ContractFact]
    public async Task Running_trials_give_what_the_unfinished_sweeps_histories_give()
    {
        var store = OpenStore();
        var first = await store.CreateSweepAsync(ASweep("first"), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await store.CreateSweepAsync(ASweep("second"), Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var cancelled = await store.CreateSweepAsync(ASweep("cancelled"), Ct);
        // "first": 0 completed, 1–3 running (3, 1 and no epochs); "second": 0–2 running (0, 2 and no epochs), 3 pending;
        // "cancelled": 3 running though the sweep has ended (not shown, as the unfinished sweeps' histories do not show it).
        var trials = new Dictionary<string, IReadOnlyList<TrialSnapshot>>();
        foreach (var sweep in new[] { first, second, cancelled })
        {
            trials[sweep.Id] = await store.AddTrialsAsync(sweep.Id, [.. Enumerable.Range(0, 4).Select(i => (IReadOnlyDictionary<string, ParameterValue>)SomeParameters(i))], Ct);
        }

        var leases = new Dictionary<string, TrialLease>();
        foreach (var (sweep, number, epochs) in new[] { (first, 0, 2), (first, 1, 3), (first, 2, 1), (first, 3, 0), (second, 0, 0), (second, 1, 2), (second, 2, 0), (cancelled, 3, 1) })
        {
            var lease = leases[trials[sweep.Id][number].Id] = (await store.StartTrialAsync(trials[sweep.Id][number].Id, "worker-a", Lease, Ct)).EnsureApplied().Lease!;
            for (var epoch = 1; epoch <= epochs; epoch++)
            {
                (await store.RecordEpochMetricsAsync(lease, epoch, Metric(1.0 / epoch), Ct)).EnsureApplied();
            }

            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var done = trials[first.Id][0].Id;
        (await store.FinishTrialAsync(new TrialFinish(done, TrialState.Completed, Metrics: Metric(0.5), Lease: leases[done]), Ct)).EnsureApplied();
        Assert.True((await store.FinishSweepAsync(cancelled.Id, SweepState.Cancelled, "user asked", Ct)).Applied);

        var running = await OpenStore().ListRunningTrialsAsync(Ct);

        var expected = new List<RunningTrial>();
        foreach (var sweep in await store.ListUnfinishedSweepsAsync(Ct))
        {
            var history = (await store.GetSweepHistoryAsync(sweep.Id, Ct))!;
            expected.AddRange(history.Trials.Where(t => t.State == TrialState.Running).OrderBy(t => t.Number).Select(t => new RunningTrial(
                t, sweep.Name, history.EpochMetrics.GetValueOrDefault(t.Id)?.Max(e => e.Epoch) ?? 0)));
        }

        Assert.Equal(
            expected.Select(r => (r.Trial.Id, r.Trial.SweepId, r.SweepName, r.LatestEpoch)),
            running.Select(r => (r.Trial.Id, r.Trial.SweepId, r.SweepName, r.LatestEpoch)));
        Assert.Equal(
            [(first.Id, 1, 3), (first.Id, 2, 1), (first.Id, 3, 0), (second.Id, 0, 0), (second.Id, 1, 2), (second.Id, 2, 0)],
            running.Select(r => (r.Trial.SweepId, r.Trial.Number, r.LatestEpoch)));
        Assert.All(running.Zip(expected), pair => Assert.Equal(pair.Second.Trial, pair.First.Trial, TrialComparer));
        Assert.Equal("worker-a", running[0].Trial.WorkerId);
    }

    [ContractFact]
    public async Task No_running_trials_give_an_empty_list()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);

        Assert.Empty(await store.ListRunningTrialsAsync(Ct));
    }

    private static readonly IEqualityComparer<TrialSnapshot?> TrialComparer = EqualityComparer<TrialSnapshot?>.Create(
        (a, b) => a is null || b is null
            ? a is null && b is null
            : a with { Parameters = b.Parameters, FinalMetrics = b.FinalMetrics } == b
                && a.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(b.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                && (a.FinalMetrics ?? new Dictionary<string, double>()).OrderBy(m => m.Key, StringComparer.Ordinal)
                    .SequenceEqual((b.FinalMetrics ?? new Dictionary<string, double>()).OrderBy(m => m.Key, StringComparer.Ordinal)));

    private static readonly IEqualityComparer<SweepOverview?> OverviewComparer = EqualityComparer<SweepOverview?>.Create(
        (a, b) => a is not null && b is not null && a.Sweep == b.Sweep && TrialComparer.Equals(a.BestTrial, b.BestTrial)
            && a.TrialCounts.OrderBy(c => c.Key).SequenceEqual(b.TrialCounts.OrderBy(c => c.Key)));
}
