namespace AeSweep.Cluster.Abstractions;

/// <summary>Pushed to workers so they lease at once instead of waiting for their next poll.</summary>
public interface IWorkerObserver : IGrainObserver
{
    /// <summary>Pending trials exist.</summary>
    void WorkAvailable();
}
