using AeSweep.Storage.Serialization;
using AeSweep.Core.Search;
using AeSweep.Storage.Entities;
using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>Entities → the immutable snapshots the store hands out.</summary>
internal static class SnapshotMapping
{
    public static SweepSnapshot ToSnapshot(this SweepEntity s) => new(
        s.Id, s.Name, s.DefinitionText, s.DefinitionFormat, s.State, s.Seed, s.MetricName, s.MetricGoal,
        s.CreatedAt, s.StartedAt, s.FinishedAt, s.Reason, s.MaxTrials, s.MaxParallel, s.MaxMinutes) { Notes = s.Notes };

    public static TrialSnapshot ToSnapshot(this TrialEntity t) => new(
        t.Id, t.SweepId, t.Number, t.State, ParameterJson.Read(t.ParametersJson), t.Attempt, t.WorkerId,
        t.LeaseExpiresAt, t.LastHeartbeatAt, t.CheckpointEpoch, t.CheckpointPath, t.CreatedAt, t.StartedAt, t.FinishedAt,
        t.FinalMetricsJson is null ? null : MetricsJson.Read(t.FinalMetricsJson), t.ObjectiveValue, t.Reason, t.FinalistOf, t.Origin, t.RetryOf, t.Held) { Notes = t.Notes };

    public static EpochMetrics ToSnapshot(this TrialEpochMetricEntity m) =>
        new(m.Epoch, MetricsJson.Read(m.MetricsJson), m.Attempt, m.RecordedAt);

    public static ArtifactInfo ToSnapshot(this ArtifactEntity a) => new(a.Name, a.RelativePath, a.ContentType, a.Bytes);

    public static WorkerSnapshot ToSnapshot(this WorkerEntity w) =>
        new(w.Id, w.Host, DevicesJson.Read(w.DevicesJson), w.Slots, w.State, w.RegisteredAt, w.LastHeartbeatAt, w.Draining);
}
