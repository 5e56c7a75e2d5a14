using AeSweep.Cluster.Abstractions;

namespace AeSweep.Worker;

/// <summary>The worker's observer: a notice from the dispatcher wakes the lease loop at once.</summary>
internal sealed class WorkAvailableSignal : IWorkerObserver, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void WorkAvailable()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Two notices at once: one wake-up is enough.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
