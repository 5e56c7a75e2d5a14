namespace AeSweep.Storage.Model;

/// <summary>A worker as it is stored at one moment.</summary>
public sealed record WorkerSnapshot(
    string Id,
    string Host,
    IReadOnlyList<WorkerDevice> Devices,
    int Slots,
    WorkerState State,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastHeartbeatAt,
    bool Draining = false);
