namespace AeSweep.Cluster.Abstractions;

/// <summary>The coordinator's answer to an epoch report.</summary>
[GenerateSerializer, Alias("aesweep.epoch-verdict")]
public enum EpochVerdict
{
    /// <summary>Train the next epoch.</summary>
    Continue,
    /// <summary>The pruner stopped the trial: finish it as pruned.</summary>
    Prune,
    /// <summary>The worker no longer holds the trial (requeued elsewhere, or the sweep was cancelled): stop without reporting.</summary>
    Stop,
}
