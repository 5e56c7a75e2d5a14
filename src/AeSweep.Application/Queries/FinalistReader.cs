using AeSweep.Application.Contracts;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Application.Queries;

/// <summary>
/// Seed-robust finalists (<c>finalize:</c>): each finalist's runs grouped under its original search trial, the mean
/// and sample std per metric over its completed finalist runs (<see cref="SeedSpread"/>), ranked by the mean of the
/// sweep's metric. Store members used: <c>GetSweepAsync</c>, <c>ListFinalistTrialsAsync</c>.
/// </summary>
public sealed class FinalistReader(ISweepReadModel store, StoredDefinitionCache definitions)
{
    public async Task<FinalistListView?> GetAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is not { } sweep)
        {
            return null;
        }

        var finalize = definitions.Read(sweep)?.Finalize;
        var trials = await store.ListFinalistTrialsAsync(sweepId, cancellationToken);
        var finalists = Rank(trials, sweep, sweep.MetricName, sweep.MetricGoal);
        return new FinalistListView(sweepId, sweep.MetricName, sweep.MetricGoal.ToString().ToLowerInvariant(), finalize?.TopK, finalize?.Seeds, finalists);
    }

    /// <summary>The finalists among <paramref name="trials"/> (originals and their runs), best mean of <paramref name="metric"/> first.</summary>
    public static IReadOnlyList<FinalistView> Rank(IReadOnlyList<TrialSnapshot> trials, SweepSnapshot sweep, string metric, MetricGoal goal)
    {
        var unranked = trials.Where(t => !t.IsFinalistRun)
            .Select(original => Finalist(original, [.. trials.Where(t => t.FinalistOf == original.Id)], sweep.Seed))
            .ToList();
        var ranked = unranked
            .Where(f => f.Mean.ContainsKey(metric))
            .OrderBy(f => goal.ToMinimized(f.Mean[metric]))
            .ThenBy(f => f.Runs[0].Number)
            .Select((f, i) => f with { Rank = i + 1 })
            .ToList();
        ranked.AddRange(unranked.Where(f => !f.Mean.ContainsKey(metric)).OrderBy(f => f.Runs[0].Number));
        return ranked;
    }

    private static FinalistView Finalist(TrialSnapshot original, IReadOnlyList<TrialSnapshot> runs, long? sweepSeed)
    {
        // The original is listed but not averaged: it was chosen for being among the best (the winner's curse).
        var completed = runs.Where(r => r.State == TrialState.Completed && r.FinalMetrics is not null).ToList();
        var spread = SeedSpread.Of(completed.Select(r => r.FinalMetrics!));
        return new FinalistView(
            null,
            original.Id,
            ContractMapping.Parameters(original.Parameters),
            [Run(original, sweepSeed, true), .. runs.OrderBy(r => r.Number).Select(r => Run(r, sweepSeed, false))],
            completed.Count,
            spread.Mean,
            spread.Std);
    }

    private static FinalistRunView Run(TrialSnapshot trial, long? sweepSeed, bool original) => new(
        trial.Id,
        trial.Number,
        sweepSeed is { } seed ? TrialSeed.Of(seed, trial.Number) : null,
        original,
        ContractMapping.Name(trial.State),
        ContractMapping.Metrics(trial.FinalMetrics));
}
