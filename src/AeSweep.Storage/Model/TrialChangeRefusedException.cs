namespace AeSweep.Storage.Model;

/// <summary>A guarded trial change was refused: the trial was finished, requeued or in the wrong state.</summary>
public sealed class TrialChangeRefusedException : InvalidOperationException
{
    public TrialChangeRefusedException(TrialChange change)
        : base($"trial {change.TrialId}: change refused ({change.Outcome}); the trial is {change.Trial?.State.ToString() ?? "missing"}")
    {
        Change = change;
    }

    public TrialChange Change { get; }
}
