using AeSweep.Core.Trials;

namespace AeSweep.Core.Sweeps;

/// <summary>Where a sweep stands, as <see cref="SweepPolicy"/> reads it.</summary>
/// <param name="Trials">Trials created so far, whatever their state (they all count towards budget.max_trials).</param>
/// <param name="InFlight">Trials pending or running: they hold a budget.max_parallel place.</param>
/// <param name="Exhausted">The sampler has nothing left to suggest (a finished grid).</param>
/// <param name="StartedAt">When the sweep started (budget.max_minutes counts from here); null while pending.</param>
/// <param name="Finished">The sweep has already ended (completed, failed or cancelled).</param>
public sealed record SweepProgress(int Trials, int InFlight, bool Exhausted, DateTimeOffset? StartedAt, bool Finished = false)
{
    /// <summary>A completed trial reached the metric's target (W&amp;B's <c>metric.target</c>): no new trials start.</summary>
    public bool TargetReached { get; init; }

    /// <summary>The progress of a sweep whose trials are in <paramref name="states"/>.</summary>
    public static SweepProgress Of(IEnumerable<TrialState> states, bool exhausted, DateTimeOffset? startedAt, bool finished = false)
    {
        var trials = 0;
        var inFlight = 0;
        foreach (var state in states)
        {
            trials++;
            if (!state.IsFinished())
            {
                inFlight++;
            }
        }

        return new SweepProgress(trials, inFlight, exhausted, startedAt, finished);
    }
}
