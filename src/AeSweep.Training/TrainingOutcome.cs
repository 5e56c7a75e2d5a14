namespace AeSweep.Training;

/// <summary>How a trial's training ended.</summary>
public enum TrainingOutcome
{
    /// <summary>All epochs ran.</summary>
    Completed,

    /// <summary>The observer stopped it after an epoch.</summary>
    Pruned,

    /// <summary>An error, a non-finite loss or invalid input; see <see cref="TrainingResult.FailureReason"/>.</summary>
    Failed,

    /// <summary>The cancellation token fired.</summary>
    Cancelled,
}
