using AeSweep.Core.Trials;

namespace AeSweep.Storage.Entities;

/// <summary>A trial as stored: its configuration, lease, checkpoint and outcome.</summary>
public sealed class TrialEntity
{
    public required string Id { get; set; }
    public required string SweepId { get; set; }

    /// <summary>0-based position in its sweep, in the order the sampler suggested trials.</summary>
    public int Number { get; set; }

    public TrialState State { get; set; }

    /// <summary>The parameters as a JSON object; numbers keep their kind (floats always carry a '.' or an exponent).</summary>
    public required string ParametersJson { get; set; }

    /// <summary>1 for the first attempt; bumped on every requeue (part of the lease's identity, so a stale lease is refused).</summary>
    public int Attempt { get; set; }

    /// <summary>
    /// How many workers were lost while running it (lapsed lease, restarted embedded process); a clean hand-back by a
    /// worker shutting down does not count. budget.max_attempts bounds this, not <see cref="Attempt"/>.
    /// </summary>
    public int LostWorkers { get; set; }

    public string? WorkerId { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? LastHeartbeatAt { get; set; }
    public int? CheckpointEpoch { get; set; }
    public string? CheckpointPath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Final metrics as a JSON object name → number.</summary>
    public string? FinalMetricsJson { get; set; }

    /// <summary>The sweep's ranking metric out of <see cref="FinalMetricsJson"/> (null when absent or not finite).</summary>
    public double? ObjectiveValue { get; set; }

    /// <summary>Why the trial failed, was pruned or was cancelled.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// For a finalist run (<c>finalize:</c>): the id of the search trial whose configuration it retrains with a new seed.
    /// Null for the trials the sampler suggested.
    /// </summary>
    public string? FinalistOf { get; set; }

    /// <summary>The user's Markdown notes (null: none); not part of the life cycle, so writing them bumps no version.</summary>
    public string? Notes { get; set; }
    /// <summary>Where the configuration came from: sampled, enqueued by a user, or a retry (stored as its name).</summary>
    public TrialOrigin Origin { get; set; }

    /// <summary>For a retry: the id of the failed or cancelled trial it runs again. Null otherwise.</summary>
    public string? RetryOf { get; set; }

    /// <summary>
    /// An enqueued or retried trial still waiting for a budget.max_parallel place: pending, but no worker may claim it
    /// until the coordinator releases it (so queued configurations never exceed the sweep's parallelism).
    /// </summary>
    public bool Held { get; set; }

    /// <summary>Claim order before age: enqueued and retried trials (1) go before sampled ones (0).</summary>
    public int Priority { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public int Version { get; set; }

    public SweepEntity? Sweep { get; set; }
    public List<TrialEpochMetricEntity> EpochMetrics { get; } = [];
    public List<ArtifactEntity> Artifacts { get; } = [];
}
