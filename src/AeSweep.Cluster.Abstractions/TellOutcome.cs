namespace AeSweep.Cluster.Abstractions;

/// <summary>What became of a tell.</summary>
[GenerateSerializer, Alias("aesweep.tell-outcome")]
public enum TellOutcome
{
    /// <summary>The result was recorded and the sampler learnt from it.</summary>
    Recorded,

    /// <summary>The sweep has no such trial.</summary>
    NotFound,

    /// <summary>The trial had already ended (told before, or cancelled with its sweep); nothing changed.</summary>
    AlreadyFinished,

    /// <summary>The trial was not asked: a worker runs it, so only that worker reports its result.</summary>
    NotAsked,
}
