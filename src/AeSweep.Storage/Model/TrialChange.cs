namespace AeSweep.Storage.Model;

/// <summary>The result of a guarded trial change, with the trial as it is now stored (null when not found).</summary>
public sealed record TrialChange(string TrialId, ChangeOutcome Outcome, TrialSnapshot? Trial)
{
    public bool Applied => Outcome == ChangeOutcome.Applied;

    /// <summary>Returns the stored trial, or throws <see cref="TrialChangeRefusedException"/> when the change was refused.</summary>
    public TrialSnapshot EnsureApplied() =>
        Applied && Trial is not null ? Trial : throw new TrialChangeRefusedException(this);
}
