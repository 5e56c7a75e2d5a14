using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Dashboard;

/// <summary>A sweep as the sweeps list shows it: state, progress against its budget, best value, times.</summary>
public sealed record SweepSummary(
    SweepSnapshot Sweep,
    IReadOnlyDictionary<TrialState, int> Counts,
    int? MaxTrials,
    TrialSnapshot? Best)
{
    public int Finished => Counts.Where(c => c.Key.IsFinished()).Sum(c => c.Value);

    public int Running => Counts.GetValueOrDefault(TrialState.Running);

    /// <summary>Done fraction in percent, when the budget has a trial count.</summary>
    public double? ProgressPercent => MaxTrials is > 0 ? 100.0 * Math.Min(Finished, MaxTrials.Value) / MaxTrials.Value : null;

    public TimeSpan? Elapsed => Sweep.StartedAt is { } started ? (Sweep.FinishedAt ?? DateTimeOffset.UtcNow) - started : null;

    public static async Task<SweepSummary> LoadAsync(ISweepReadModel store, SweepSnapshot sweep, CancellationToken cancellationToken)
    {
        var counts = await store.CountTrialsByStateAsync(sweep.Id, cancellationToken);
        var best = await store.GetBestTrialAsync(sweep.Id, cancellationToken);
        var definition = StoredSweepDocument.ReadOrNull(sweep.DefinitionText);
        return new SweepSummary(sweep, counts, definition?.Budget.MaxTrials, best);
    }
}
