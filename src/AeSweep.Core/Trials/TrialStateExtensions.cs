namespace AeSweep.Core.Trials;

/// <summary>Rules of the trial life cycle.</summary>
public static class TrialStateExtensions
{
    /// <summary>True for the four final states; a finished trial never changes again.</summary>
    public static bool IsFinished(this TrialState state) =>
        state is TrialState.Completed or TrialState.Pruned or TrialState.Failed or TrialState.Cancelled;

    /// <summary>Whether the life cycle allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMoveTo(this TrialState from, TrialState to) => from switch
    {
        TrialState.Pending => to is TrialState.Running or TrialState.Cancelled or TrialState.Failed,
        // Running → Pending is the requeue of a lost worker's trial.
        TrialState.Running => to is TrialState.Pending || to.IsFinished(),
        _ => false,
    };
}
