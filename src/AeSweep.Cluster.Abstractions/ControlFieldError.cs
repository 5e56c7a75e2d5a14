namespace AeSweep.Cluster.Abstractions;

/// <summary>One wrong field of a control request: its path (<c>parameters.learning_rate</c>, <c>budget.max_trials</c>) and what is wrong.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.control-field-error")]
public sealed record ControlFieldError([property: Id(0)] string Path, [property: Id(1)] string Message);
