using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Abstractions;

/// <summary>The coordinator's answer to a tell: the outcome, and the state the trial ended in when recorded.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.tell-result")]
public sealed record TellResult([property: Id(0)] TellOutcome Outcome, [property: Id(1)] TrialState? State, [property: Id(2)] string? Detail);
