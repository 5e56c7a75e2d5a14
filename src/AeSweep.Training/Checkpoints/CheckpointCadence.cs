namespace AeSweep.Training.Checkpoints;

/// <summary>
/// When an epoch end writes a checkpoint (a checkpoint is only consistent at an epoch end): once
/// <c>execution.checkpoint_seconds</c> of training have passed since the last one, at every epoch the pruner judges
/// (its rungs), and at the epoch that ends the trial (its last, or the one it is pruned at). Not every epoch.
/// </summary>
internal sealed class CheckpointCadence(TimeSpan interval, IReadOnlyCollection<int> rungs, TimeProvider clock)
{
    private long _since = clock.GetTimestamp();

    public bool IsDue(int epoch, bool endsTrial) =>
        endsTrial || rungs.Contains(epoch) || clock.GetElapsedTime(_since) >= interval;

    /// <summary>Restarts the interval: a checkpoint of the current state was just handed to the writer.</summary>
    public void Written() => _since = clock.GetTimestamp();
}
