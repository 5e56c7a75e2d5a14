using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A sweep with its progress: how many trials are in each state (every state present, zeros included) and its best
/// completed trial by the ranking metric (null while there is none).
/// </summary>
public sealed record SweepOverview(
    SweepSnapshot Sweep,
    IReadOnlyDictionary<TrialState, int> TrialCounts,
    TrialSnapshot? BestTrial);
