namespace AeSweep.Training.Checkpoints;

/// <summary>
/// Writes a trial's checkpoints off the training thread, one at a time: <see cref="Submit"/> hands over a snapshot
/// already copied to memory and returns at once. If the previous write is still running, Submit waits for it rather
/// than skipping the new one, so every due checkpoint (a rung's, the last epoch's, a stop's) reaches the disk; a write
/// slower than the cadence means the disk is the bottleneck anyway. After each write the observer is told (on the
/// writer's thread) so the coordinator records where a lost trial resumes.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly string _directory;
    private readonly ITrainingObserver _observer;
    // Snapshots whose buffers may be filled again: at most three live at once (in flight, unwritten, being filled).
    private readonly System.Collections.Concurrent.ConcurrentBag<CheckpointSnapshot> _free = [];
    private Task _inFlight = Task.CompletedTask;

    public CheckpointWriter(string directory, ITrainingObserver observer)
    {
        _directory = directory;
        _observer = observer;
        TrainingCheckpoint.DeleteUnfinished(directory);
    }

    /// <summary>The epoch of the last snapshot handed over (0: none).</summary>
    public int LastEpoch { get; private set; }

    /// <summary>Copies the live state into a free snapshot (on the training thread).</summary>
    public CheckpointSnapshot Capture(int epoch, TorchSharp.torch.nn.Module model, TorchSharp.torch.optim.Optimizer optimizer, TorchSharp.torch.Generator generator, IReadOnlyList<EpochReport> history)
    {
        var snapshot = _free.TryTake(out var free) ? free : new CheckpointSnapshot();
        snapshot.Fill(epoch, model, optimizer, generator, history);
        return snapshot;
    }

    /// <summary>Gives back a snapshot that will not be written (a newer one replaces it).</summary>
    public void Discard(CheckpointSnapshot snapshot) => _free.Add(snapshot);

    /// <summary>Starts writing <paramref name="snapshot"/> after the write in flight; throws that write's failure, if any.</summary>
    public void Submit(CheckpointSnapshot snapshot)
    {
        Flush();
        LastEpoch = snapshot.Epoch;
        _inFlight = Task.Factory.StartNew(
            () =>
            {
                TrainingCheckpoint.Write(_directory, snapshot);
                var epoch = snapshot.Epoch;
                _free.Add(snapshot);
                _observer.OnCheckpoint(new CheckpointInfo(epoch, _directory));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>Waits until the write in flight is on disk and recorded; throws its failure, once.</summary>
    public void Flush()
    {
        var inFlight = _inFlight;
        _inFlight = Task.CompletedTask;
        inFlight.GetAwaiter().GetResult();
    }

    /// <summary>Waits for the write in flight, whatever its outcome: a trial never ends with a checkpoint half written.</summary>
    public void Dispose()
    {
        try
        {
            Flush();
        }
        catch (Exception)
        {
            // The trial is already ending another way (failed, cancelled); the previous checkpoint stays usable.
        }

        while (_free.TryTake(out var snapshot))
        {
            snapshot.Dispose();
        }
    }
}
