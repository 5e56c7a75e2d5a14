namespace AeSweep.Cluster.Abstractions;

/// <summary>What became of a sweep-control call on the engine.</summary>
[GenerateSerializer, Alias("aesweep.control-reply-outcome")]
public enum ControlReplyOutcome
{
    /// <summary>Done.</summary>
    Applied,

    /// <summary>The sweep, trial or worker is in a state that refuses it (the detail says which and why).</summary>
    Conflict,

    /// <summary>The request is wrong; the errors name each field.</summary>
    Invalid,

    /// <summary>No such sweep, trial or worker.</summary>
    NotFound,
}
