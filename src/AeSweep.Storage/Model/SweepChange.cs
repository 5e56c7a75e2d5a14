namespace AeSweep.Storage.Model;

/// <summary>The result of a guarded sweep change, with the sweep as it is now stored (null when not found).</summary>
public sealed record SweepChange(string SweepId, ChangeOutcome Outcome, SweepSnapshot? Sweep)
{
    public bool Applied => Outcome == ChangeOutcome.Applied;
}
