using AeSweep.Application.Views;
using AeSweep.Core.Trials;
using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// Answers <see cref="ISweepComparisons"/>: one history read per sweep (at most <see cref="ISweepComparisons.MaxSweeps"/>),
/// the stored definition read through the cache. Epochs are not part of the answer (the page compares trials' outcomes).
/// </summary>
public sealed class SweepComparisonReader(ISweepRepository store, StoredDefinitionCache definitions) : ISweepComparisons
{
    public async Task<SweepComparison?> CompareAsync(IReadOnlyList<string> sweepIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sweepIds);
        var ids = sweepIds.Where(id => !string.IsNullOrWhiteSpace(id) && id.Length <= StorageLimits.IdLength)
            .Distinct(StringComparer.Ordinal).Take(ISweepComparisons.MaxSweeps).ToList();
        var found = new List<ComparedSweep>();
        var missing = sweepIds.Where(id => string.IsNullOrWhiteSpace(id) || id.Length > StorageLimits.IdLength).ToList();
        foreach (var id in ids)
        {
            if (await store.GetSweepHistoryAsync(id, cancellationToken) is not { } history)
            {
                missing.Add(id);
                continue;
            }

            var sweep = RecordMapping.Sweep(history.Sweep);
            var trials = history.Trials.OrderBy(t => t.Number).Select(RecordMapping.Trial).ToList();
            found.Add(new ComparedSweep(sweep, RecordMapping.Design(definitions.Read(history.Sweep)), trials, Best(trials, sweep.MetricGoal)));
        }

        if (found.Count == 0)
        {
            return null;
        }

        var first = found[0].Sweep;
        var compared = found.Where(s => s.Sweep.MetricName == first.MetricName && s.Sweep.MetricGoal == first.MetricGoal).ToList();
        var other = found.Where(s => !compared.Contains(s)).Select(s => s.Sweep).ToList();
        return new SweepComparison(first.MetricName, first.MetricGoal, compared, other, missing, Parameters(compared));
    }

    /// <summary>The completed trial with the best objective (ties: the earlier trial), as the leaderboard ranks.</summary>
    public static TrialRecord? Best(IEnumerable<TrialRecord> trials, MetricGoal goal) => trials
        .Where(t => t.State == TrialState.Completed && t.ObjectiveValue is { } v && double.IsFinite(v) && !t.IsFinalistRun)
        .OrderBy(t => goal.ToMinimized(t.ObjectiveValue!.Value))
        .ThenBy(t => t.Number)
        .FirstOrDefault();

    // Searched parameters only: a constant (per the design, or one value in every trial when the design is unreadable)
    // says nothing about the difference between sweeps unless the sweeps disagree on it.
    private static List<string> Parameters(IReadOnlyList<ComparedSweep> sweeps)
    {
        var names = new List<string>();
        foreach (var sweep in sweeps)
        {
            var order = (sweep.Design?.Parameters ?? []).Select((n, i) => (n, i)).ToDictionary(e => e.n, e => e.i, StringComparer.Ordinal);
            var present = sweep.Trials.SelectMany(t => t.Parameters.Keys).Distinct(StringComparer.Ordinal)
                .OrderBy(n => order.GetValueOrDefault(n, int.MaxValue)).ThenBy(n => n, StringComparer.Ordinal);
            names.AddRange(present.Where(n => !names.Contains(n, StringComparer.Ordinal)));
        }

        return [.. names.Where(name => sweeps.SelectMany(s => s.Trials).Select(t => t.Parameters.TryGetValue(name, out var v) ? v.ToString() : null).Distinct(StringComparer.Ordinal).Skip(1).Any())];
    }
}
