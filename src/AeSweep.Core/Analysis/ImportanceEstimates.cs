namespace AeSweep.Core.Analysis;

/// <summary>
/// Importance of each varying parameter, most important first, from <see cref="TrialCount"/> finished trials.
/// <see cref="NotEnoughData"/> says why <see cref="Entries"/> is empty (or why every share is zero);
/// <see cref="LowConfidence"/> is set below <see cref="PedAnovaImportance.ConfidentTrials"/> trials, where the error bars are wide.
/// </summary>
public sealed record ImportanceEstimates(IReadOnlyList<ParameterImportanceEstimate> Entries, int TrialCount, string? NotEnoughData = null)
{
    /// <summary>Fewer trials than <see cref="PedAnovaImportance.ConfidentTrials"/>: show the estimate with a "low confidence" note.</summary>
    public bool LowConfidence => TrialCount < PedAnovaImportance.ConfidentTrials;
}
