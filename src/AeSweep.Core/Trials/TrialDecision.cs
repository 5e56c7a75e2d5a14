namespace AeSweep.Core.Trials;

/// <summary>
/// The one answer to an intermediate report, wherever it is asked (the study's pruner, the coordinator grain, the
/// worker, the trainer's observer): go on training, stop as pruned, or stop without reporting.
/// </summary>
public enum TrialDecision
{
    /// <summary>Keep training.</summary>
    Continue,

    /// <summary>Stop: the pruner judged the trial unpromising. The caller then ends the trial as pruned.</summary>
    Prune,

    /// <summary>
    /// Stop without reporting: the worker no longer holds the trial (requeued elsewhere, or the sweep ended), so
    /// whatever it would report is refused.
    /// </summary>
    Stop,
}
