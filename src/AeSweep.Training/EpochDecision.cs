namespace AeSweep.Training;

/// <summary>An observer's answer after an epoch.</summary>
public enum EpochDecision
{
    /// <summary>Train the next epoch.</summary>
    Continue,

    /// <summary>Stop here: the trial ends as pruned (its last checkpoint stays usable).</summary>
    Prune,
}
