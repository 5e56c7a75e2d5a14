namespace AeSweep.Storage.Entities;

/// <summary>A worker process that trains trials.</summary>
public sealed class WorkerEntity
{
    public required string Id { get; set; }
    public required string Host { get; set; }

    /// <summary>The device inventory as a JSON array.</summary>
    public required string DevicesJson { get; set; }

    public int Slots { get; set; }
    public WorkerState State { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset LastHeartbeatAt { get; set; }

    /// <summary>Drained by a user: it finishes its running trials and leases nothing new until undrained (kept across its restarts).</summary>
    public bool Draining { get; set; }
}
