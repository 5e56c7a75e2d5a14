using AeSweep.Storage.Model;

namespace AeSweep.Storage;

/// <summary>The workers that joined: registrations, heartbeats and who went silent.</summary>
public interface IWorkerRegistry
{
    /// <summary>Registers a worker or updates its registration; it is online with a fresh heartbeat.</summary>
    Task<WorkerSnapshot> RegisterWorkerAsync(WorkerRegistration registration, CancellationToken cancellationToken);

    /// <summary>Replaces a worker's device inventory (e.g. with the memory in use now); false when the worker is unknown.</summary>
    Task<bool> RecordWorkerDevicesAsync(string workerId, IReadOnlyList<WorkerDevice> devices, CancellationToken cancellationToken);

    /// <summary>Records a worker heartbeat (and marks it online); false when the worker is unknown.</summary>
    Task<bool> RecordWorkerHeartbeatAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Marks a worker offline (shut down or lost); false when the worker is unknown.</summary>
    Task<bool> MarkWorkerOfflineAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Marks online workers silent for longer than <paramref name="timeout"/> offline; returns their ids.</summary>
    Task<IReadOnlyList<string>> MarkSilentWorkersOfflineAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Every registered worker.</summary>
    Task<IReadOnlyList<WorkerSnapshot>> ListWorkersAsync(CancellationToken cancellationToken);
}
