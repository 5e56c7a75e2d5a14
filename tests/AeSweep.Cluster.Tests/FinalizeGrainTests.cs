using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster.Tests;

/// <summary>
/// finalize: {top_k, seeds} on an in-process cluster over a real SQLite store: after the search the best trials are
/// retrained under new numbers, within budget.max_parallel, outside budget.max_trials, and a coordinator restart in
/// the middle resumes the finalizing phase; the sweep completes only when every finalist run has finished.
/// </summary>
public sealed class FinalizeGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private const string Sweep = """
        name: finalists
        program: [trainer]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
        budget: {max_trials: 3, max_parallel: 1}
        finalize: {top_k: 2, seeds: 2}
        seed: 5
        """;

    [Fact]
    public async Task The_best_trials_are_retrained_with_new_seeds_across_a_coordinator_restart_before_the_sweep_completes()
    {
        var sweep = await _cluster.SubmitAsync(Sweep);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);
        var search = new List<string>();
        foreach (var loss in new[] { 3.0, 1.0, 2.0 })
        {
            search.Add(await CompleteNextAsync(sweep.Id, loss));
        }

        // The search is over, but the sweep goes on: its finalists run.
        Assert.Equal(SweepState.Running, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
        var finalistRuns = new List<TrialSnapshot>();
        finalistRuns.Add((await _cluster.Store.GetTrialAsync(await CompleteNextAsync(sweep.Id, 1.1), CancellationToken.None))!);

        await _cluster.DeactivateAsync(coordinator);
        await coordinator.StartAsync();

        foreach (var loss in new[] { 2.2, 0.9, 2.4 })
        {
            finalistRuns.Add((await _cluster.Store.GetTrialAsync(await CompleteNextAsync(sweep.Id, loss), CancellationToken.None))!);
        }

        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        Assert.Equal((SweepState.Completed, "budget.max_trials reached"), (stored.State, stored.Reason));
        // Round robin over the finalists, best first: #1 (loss 1), #2 (loss 2), #1, #2; numbers (hence seeds) new.
        Assert.Equal([search[1], search[2], search[1], search[2]], finalistRuns.Select(t => t.FinalistOf));
        Assert.Equal([3, 4, 5, 6], finalistRuns.Select(t => t.Number));
        Assert.Equal(finalistRuns[0].Parameters, (await _cluster.Store.GetTrialAsync(search[1], CancellationToken.None))!.Parameters);
        Assert.All(finalistRuns, t => Assert.Equal(TrialState.Completed, t.State));
        var counts = await _cluster.Store.CountTrialsByStateAsync(sweep.Id, CancellationToken.None);
        Assert.Equal(7, counts.Values.Sum());
    }

    [Fact]
    public async Task Finalist_runs_are_never_pruned_and_the_sweep_waits_for_failed_ones_to_end()
    {
        var sweep = await _cluster.SubmitAsync(Sweep.Replace("max_trials: 3", "max_trials: 2", StringComparison.Ordinal)
            .Replace("top_k: 2, seeds: 2", "top_k: 1, seeds: 2", StringComparison.Ordinal));
        await CompleteNextAsync(sweep.Id, 1.0);
        await CompleteNextAsync(sweep.Id, 2.0);

        var run = (await LeaseAsync(sweep.Id))[0];
        var decision = await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id).ReportEpochAsync(run.Lease, 1, new() { ["loss"] = 1e9 });
        Assert.Equal(TrialDecision.Continue, decision);
        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id)
            .CompleteTrialAsync(new TrialCompletion(run.Lease, TrialState.Failed, [], [], "out of memory", 1));
        Assert.Equal(SweepState.Running, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);

        await CompleteNextAsync(sweep.Id, 1.5);

        Assert.Equal(SweepState.Completed, (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!.State);
    }

    private async Task<string> CompleteNextAsync(string sweepId, double loss)
    {
        var assignment = Assert.Single(await LeaseAsync(sweepId));
        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId)
            .CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = loss }, [], null, 1));
        return assignment.Lease.TrialId;
    }

    private async Task<List<TrialAssignment>> LeaseAsync(string sweepId)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var leased = await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1);
            if (leased.Count > 0)
            {
                Assert.Equal(sweepId, leased[0].SweepId);
                return leased;
            }

            Assert.True(DateTime.UtcNow < until, $"no trial of sweep {sweepId} became pending within {Deadline}");
            await Task.Delay(50);
        }
    }
}
