namespace AeSweep.Worker;

/// <summary>What a worker offers the cluster and how it talks to it.</summary>
public sealed class WorkerOptions
{
    /// <summary>Unique per worker process; default: host name and process id.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Trials trained side by side (per GPU on GPU hosts).</summary>
    public int Slots { get; set; } = 1;

    /// <summary>The training device: <c>cpu</c> or <c>cuda:N</c>.</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Lowest accepted <see cref="GpuMemoryFraction"/>.</summary>
    public const double MinGpuMemoryFraction = 0.05;

    /// <summary>Highest accepted <see cref="GpuMemoryFraction"/> (the rest is libtorch's and the driver's headroom).</summary>
    public const double MaxGpuMemoryFraction = 0.95;

    /// <summary>
    /// On a CUDA device: the share of the device's free memory that trials may reserve together, each by its estimate
    /// (<c>--gpu-memory-fraction</c>, 0.05–0.95). <see cref="Slots"/> stays the upper bound on trials side by side.
    /// </summary>
    public double GpuMemoryFraction { get; set; } = 0.8;

    /// <summary>True when trials train on a CUDA device, so they are packed by memory.</summary>
    public bool IsCuda => Device.Trim().StartsWith("cuda", StringComparison.OrdinalIgnoreCase);

    /// <summary>Intra-op threads per trial; default divides the cores between the slots so trials do not oversubscribe them.</summary>
    public int? ThreadsPerTrial { get; set; }

    /// <summary>Where trials write checkpoints and images: ROOT/SWEEP/TRIAL/.</summary>
    public string ArtifactRoot { get; set; } = Path.Combine(Path.GetTempPath(), "aesweep-artifacts");

    /// <summary>
    /// Serve this sweep only (<c>aesweep agent SWEEP_ID</c>, W&amp;B's agent): the worker leases that sweep's pending
    /// trials and no other's. Null: any sweep's.
    /// </summary>
    public string? SweepId { get; set; }

    /// <summary>How often leases are renewed.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the worker asks for work when no notice arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a trial keeps retrying its reports while its coordinator is unreachable (a coordinator killed and
    /// restarted, or its grains moving to another coordinator) before giving the trial up to lease expiry.
    /// </summary>
    public TimeSpan CoordinatorPatience { get; set; } = TimeSpan.FromSeconds(90);

    public int EffectiveThreadsPerTrial => ThreadsPerTrial ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, Slots));
}
