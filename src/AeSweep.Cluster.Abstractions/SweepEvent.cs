namespace AeSweep.Cluster.Abstractions;

/// <summary>One change of a sweep or a trial, pushed from the grains to live views (the web host's refresh service).</summary>
/// <param name="SweepId">The sweep.</param>
/// <param name="TrialId">The trial, for trial events; null for sweep events.</param>
/// <param name="Kind">What happened.</param>
/// <param name="State">The new state in the API's spelling (<c>pending</c>, <c>running</c>, <c>completed</c>, …).</param>
/// <param name="At">When the grain saw it.</param>
/// <param name="Epoch">The epoch reported, for <see cref="SweepEventKind.TrialEpoch"/>.</param>
[GenerateSerializer, Immutable, Alias("aesweep.sweep-event")]
public sealed record SweepEvent(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string? TrialId,
    [property: Id(2)] SweepEventKind Kind,
    [property: Id(3)] string State,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] int? Epoch = null);
