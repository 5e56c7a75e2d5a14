namespace AeSweep.Storage;

/// <summary>Whether a worker is taking trials.</summary>
public enum WorkerState
{
    /// <summary>Registered and sending heartbeats.</summary>
    Online,

    /// <summary>Shut down, or silent for longer than the heartbeat timeout.</summary>
    Offline,
}
