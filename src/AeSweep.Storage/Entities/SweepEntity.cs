using AeSweep.Core.Trials;

namespace AeSweep.Storage.Entities;

/// <summary>A sweep as stored: its submitted definition and its life cycle.</summary>
public sealed class SweepEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The sweep file exactly as submitted, so it can be shown, exported and re-parsed.</summary>
    public required string DefinitionText { get; set; }

    public SweepDefinitionFormat DefinitionFormat { get; set; }
    public SweepState State { get; set; }
    public long? Seed { get; set; }

    /// <summary>The ranking metric (copied out of the definition so that queries can rank trials).</summary>
    public required string MetricName { get; set; }

    public MetricGoal MetricGoal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// budget.max_attempts (copied out of the definition so the store's requeue can apply it): a trial whose
    /// <see cref="TrialEntity.LostWorkers"/> reach it fails instead of going back to pending.
    /// </summary>
    public int MaxAttempts { get; set; }

    /// <summary>budget.max_trials (null: none, or stored before the column existed).</summary>
    public int? MaxTrials { get; set; }

    /// <summary>budget.max_parallel (null only for sweeps stored before the column existed).</summary>
    public int? MaxParallel { get; set; }

    /// <summary>budget.max_minutes (null: none, or stored before the column existed).</summary>
    public double? MaxMinutes { get; set; }

    /// <summary>Why the sweep was cancelled or failed.</summary>
    public string? Reason { get; set; }

    /// <summary>The user's Markdown notes (null: none); not part of the life cycle, so writing them bumps no version.</summary>
    public string? Notes { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public int Version { get; set; }

    public List<TrialEntity> Trials { get; } = [];
}
