namespace AeSweep.Cluster.Abstractions;

/// <summary>Proof that a worker holds a trial: the trial, the worker, and which attempt (a requeued trial's old worker is refused).</summary>
[GenerateSerializer, Immutable, Alias("aesweep.trial-lease")]
public sealed record TrialLeaseToken([property: Id(0)] string TrialId, [property: Id(1)] string WorkerId, [property: Id(2)] int Attempt);
