namespace AeSweep.Storage;

/// <summary>Rules of the sweep life cycle.</summary>
public static class SweepStateRules
{
    /// <summary>True for the final states; a finished sweep never changes again.</summary>
    public static bool IsFinished(this SweepState state) =>
        state is SweepState.Completed or SweepState.Cancelled or SweepState.Failed;

    /// <summary>Whether the life cycle allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMoveTo(this SweepState from, SweepState to) => from switch
    {
        SweepState.Pending => to is SweepState.Running || to.IsFinished(),
        SweepState.Running => to is SweepState.Paused || to.IsFinished(),
        SweepState.Paused => to is SweepState.Running || to.IsFinished(),
        _ => false,
    };
}
