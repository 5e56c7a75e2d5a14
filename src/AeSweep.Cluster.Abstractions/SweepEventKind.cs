namespace AeSweep.Cluster.Abstractions;

/// <summary>What changed in a sweep, as pushed to live views.</summary>
[GenerateSerializer, Alias("aesweep.sweep-event-kind")]
public enum SweepEventKind
{
    /// <summary>The sweep started running.</summary>
    SweepStarted,

    /// <summary>The sweep ended on its own (completed or failed); its unfinished trials were cancelled with it.</summary>
    SweepFinished,

    /// <summary>The sweep was cancelled; its unfinished trials were cancelled with it.</summary>
    SweepCancelled,

    /// <summary>A trial was suggested (pending), or asked by an outside trainer (running).</summary>
    TrialAdded,

    /// <summary>A worker leased the trial and runs it.</summary>
    TrialStarted,

    /// <summary>The trial reported an epoch (or step); epochs of one trial within a batch are coalesced to the latest.</summary>
    TrialEpoch,

    /// <summary>The trial ended (completed, pruned, failed or cancelled).</summary>
    TrialFinished,

    /// <summary>The trial's worker was lost and the trial went back to pending.</summary>
    TrialRequeued,

    /// <summary>The sweep was paused or resumed, or its budget changed (sweep control).</summary>
    SweepControlled,
}
