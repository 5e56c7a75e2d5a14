namespace AeSweep.Application;

/// <summary>What a tell did.</summary>
public enum TellTrialOutcome
{
    /// <summary>The trial ended with the told result.</summary>
    Recorded,

    /// <summary>The request has a wrong field (see <see cref="TellTrialResult.Error"/>).</summary>
    Invalid,

    /// <summary>No such trial.</summary>
    NotFound,

    /// <summary>The trial was not handed out by an ask.</summary>
    NotAsked,

    /// <summary>The trial had already ended.</summary>
    AlreadyFinished,
}
