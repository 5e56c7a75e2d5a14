namespace AeSweep.Core.Trials;

/// <summary>The answer to an intermediate report: go on training or stop now.</summary>
public enum TrialDecision
{
    /// <summary>Keep training.</summary>
    Continue,
    /// <summary>Stop: the pruner judged the trial unpromising. The caller then tells the study the trial was pruned.</summary>
    Prune,
}
