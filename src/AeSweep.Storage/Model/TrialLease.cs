namespace AeSweep.Storage.Model;

/// <summary>
/// Proof that a worker runs one attempt of a trial. Reports that carry a lease of an older attempt (a worker thought
/// lost whose trial was requeued) are refused with <see cref="ChangeOutcome.LeaseLost"/>, so nothing is counted twice.
/// </summary>
public sealed record TrialLease(string TrialId, string WorkerId, int Attempt);
