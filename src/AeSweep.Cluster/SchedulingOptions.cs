namespace AeSweep.Cluster;

/// <summary>
/// Lease and heartbeat timing. A killed worker's trial resumes elsewhere after at most
/// <see cref="LeaseDuration"/> + <see cref="LeaseCheckInterval"/> (≈ 22 s by default, inside the 30 s promise).
/// </summary>
public sealed class SchedulingOptions
{
    /// <summary>How long a trial stays a worker's without a heartbeat.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the dispatcher looks for expired leases.</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a worker sends heartbeats (well inside the lease).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an asked trial (ask-and-tell) may stay untold before its lease runs out. Outside trainers send no
    /// heartbeats, so this is long; an abandoned asked trial holds a max_parallel place until then or until cancel.
    /// </summary>
    public TimeSpan AskedTrialLeaseDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Where trials write checkpoints and images: one folder per trial below it. The grains never read it (workers
    /// report their artifacts' paths and sizes); hosts set it for the artifact views they serve.
    /// </summary>
    public string ArtifactRoot { get; set; } = Path.Combine(Path.GetTempPath(), "aesweep-artifacts");
}
