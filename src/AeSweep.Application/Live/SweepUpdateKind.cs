namespace AeSweep.Application.Live;

/// <summary>What changed: a sweep's state or budget, or one of its trials (added, started, an epoch, finished).</summary>
public enum SweepUpdateKind
{
    /// <summary>A sweep was submitted, started, cancelled or finished.</summary>
    Sweep,

    /// <summary>A trial was added, started, reported an epoch or finished.</summary>
    Trial,

    /// <summary>A worker was drained or undrained (sweep control).</summary>
    Worker,
}
