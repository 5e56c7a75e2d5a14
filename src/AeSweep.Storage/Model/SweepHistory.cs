namespace AeSweep.Storage.Model;

/// <summary>
/// Everything a (re)started coordinator needs to rebuild its sampler and pruner: the sweep, all its trials in
/// number order, and every trial's epoch metrics keyed by trial id.
/// </summary>
public sealed record SweepHistory(
    SweepSnapshot Sweep,
    IReadOnlyList<TrialSnapshot> Trials,
    IReadOnlyDictionary<string, IReadOnlyList<EpochMetrics>> EpochMetrics);
