namespace AeSweep.Core.Definitions;

/// <summary>The pruning rule that stops unpromising trials early.</summary>
public enum EarlyTerminateType
{
    /// <summary>Never prune.</summary>
    None,
    /// <summary>Prune a trial whose best value so far is worse than the median of other trials at the same epoch.</summary>
    Median,
    /// <summary>Asynchronous successive halving (Li et al.).</summary>
    Asha,
    /// <summary>Hyperband: several ASHA brackets with different minimum resources.</summary>
    Hyperband,
    /// <summary>Progressive ASHA (Bohdal et al. 2023): ASHA whose maximum rung grows only while the top rungs' ranking is unstable.</summary>
    Pasha,
}
