using AeSweep.Core.Trials;
using AeSweep.Storage;

namespace AeSweep.Application.Views;

/// <summary>A sweep with typed state and goal, for views that compute with them (the dashboard's pages).</summary>
public sealed record SweepRecord(
    string Id,
    string Name,
    SweepState State,
    string MetricName,
    MetricGoal MetricGoal,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Reason)
{
    /// <summary>True once the sweep completed, failed or was cancelled: it never changes again.</summary>
    public bool IsFinished => State.IsFinished();

    /// <summary>The state's name as the API writes it (lowercase).</summary>
    public string StateName => ContractMapping.Name(State);
}
