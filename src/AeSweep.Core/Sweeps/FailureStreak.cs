using AeSweep.Core.Trials;

namespace AeSweep.Core.Sweeps;

/// <summary>
/// How many trials failed in a row, and the last failure's reason: budget.max_failed_trials ends a sweep whose
/// trials keep failing (a missing command, a broken dataset) before it burns its whole trial budget. Rebuilt from
/// the stored trials in the order they finished, so a restarted coordinator picks the streak up where it was.
/// </summary>
public sealed class FailureStreak
{
    // The sweep's reason column holds 4,000 characters; the quoted failure keeps its head.
    private const int MaxQuotedReason = 3000;

    /// <summary>Failed trials since the last completed or pruned one.</summary>
    public int Count { get; private set; }

    /// <summary>The reason of the last failure in the streak, or null when there is none.</summary>
    public string? LastReason { get; private set; }

    /// <summary>Replays finished trials' outcomes, oldest finish first.</summary>
    /// <param name="outcomes">Each finished trial's state and reason, in the order the trials finished.</param>
    public static FailureStreak FromOutcomes(IEnumerable<(TrialState State, string? Reason)> outcomes)
    {
        var streak = new FailureStreak();
        foreach (var (state, reason) in outcomes)
        {
            streak.Record(state, reason);
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

    /// <summary>Whether the streak has reached budget.max_failed_trials.</summary>
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
