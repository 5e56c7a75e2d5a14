using AeSweep.Core.Definitions;

namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// The epochs at which a sweep's pruner judges trials against each other (its rungs), so that a trial's state is on
/// disk where a pruning decision is made. Successive halving and Hyperband (all brackets together) judge at
/// r·η^k; the median pruner judges every epoch and has no rungs; no pruner, no rungs.
/// </summary>
public static class PruningRungs
{
    /// <summary>The rung epochs of <paramref name="spec"/> up to <paramref name="maxEpochs"/>, ascending.</summary>
    public static IReadOnlyList<int> Epochs(EarlyTerminateSpec spec, int maxEpochs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Type is EarlyTerminateType.None or EarlyTerminateType.Median || spec.MinEpochs < 1 || spec.ReductionFactor < 2)
        {
            return [];
        }

        // Rung-based pruners (ASHA, Hyperband, and any added later with min_epochs and reduction_factor).
        var rungs = new List<int>();
        for (long epoch = spec.MinEpochs; epoch <= maxEpochs; epoch *= spec.ReductionFactor)
        {
            rungs.Add((int)epoch);
        }

        return rungs;
    }
}
