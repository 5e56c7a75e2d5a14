using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster;

/// <summary>
/// How many trials failed in a row, and the last failure's reason: budget.max_failed_trials ends a sweep whose
/// trials keep failing (a missing command, a broken dataset) before it burns its whole trial budget. Derived from
/// the stored trials in the order they finished, so a restarted coordinator picks the streak up where it was.
/// </summary>
internal sealed class FailureStreak
{
    // The sweep's reason column holds 4,000 characters; the quoted failure keeps its head.
    private const int MaxQuotedReason = 3000;

    public int Count { get; private set; }

    public string? LastReason { get; private set; }

    public static FailureStreak FromHistory(IEnumerable<TrialSnapshot> trials)
    {
        var streak = new FailureStreak();
        foreach (var trial in trials.Where(t => t.FinishedAt is not null).OrderBy(t => t.FinishedAt).ThenBy(t => t.Number))
        {
            streak.Record(trial.State, trial.Reason);
        }

        return streak;
    }

    /// <summary>A failure lengthens the streak; a completed or pruned trial ends it; a cancelled one says nothing.</summary>
    public void Record(TrialState state, string? reason)
    {
        switch (state)
        {
            case TrialState.Failed:
                Count++;
                LastReason = reason;
                break;
            case TrialState.Completed or TrialState.Pruned:
                Count = 0;
                LastReason = null;
                break;
        }
    }

    public bool Reached(int maxFailedTrials) => Count >= maxFailedTrials;

    /// <summary>The sweep's reason when it fails fast, quoting the last failure.</summary>
    public string Describe(int maxFailedTrials)
    {
        var last = LastReason ?? "no reason given";
        if (last.Length > MaxQuotedReason)
        {
            last = last[..MaxQuotedReason] + " …";
        }

        return $"{Count} trial{(Count == 1 ? string.Empty : "s")} failed in a row (budget.max_failed_trials: {maxFailedTrials}); the last failure: {last}";
    }
}
