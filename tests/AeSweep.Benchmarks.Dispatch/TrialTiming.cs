using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Dispatch;

/// <summary>One trial's timestamps as the store recorded them (millisecond precision in both providers).</summary>
internal sealed record TrialTiming(
    int Number,
    string? WorkerId,
    TrialState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
