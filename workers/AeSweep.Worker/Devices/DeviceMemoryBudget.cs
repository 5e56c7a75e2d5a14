using AeSweep.Training;

namespace AeSweep.Worker.Devices;

/// <summary>
/// Packs trials onto one GPU by memory: each trial reserves its estimate (<see cref="TrialMemoryEstimate"/>), and a
/// trial is admitted while the reservations fit in <c>--gpu-memory-fraction</c> of the memory that was free when the
/// device was last idle (so other processes' memory is respected and ours is not counted twice). A trial that runs out
/// of memory beside neighbours lowers the pack limit below the number that ran together, for the rest of the process.
/// Trials are leased one at a time on such a device; one that does not fit goes back, and no more are leased until a
/// running trial ends. Thread-safe.
/// </summary>
public sealed class DeviceMemoryBudget(IDeviceMemoryProbe probe, string device, double fraction)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _reserved = new(StringComparer.Ordinal);
    private bool _contextCreated;
    private bool _waitingForRelease;

    /// <summary>The device this budget packs (<c>cuda:N</c>).</summary>
    public string Device { get; } = device;

    /// <summary>The share of free memory trials may reserve, 0.05–0.95.</summary>
    public double Fraction { get; } = fraction is >= WorkerOptions.MinGpuMemoryFraction and <= WorkerOptions.MaxGpuMemoryFraction
        ? fraction
        : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"the GPU memory fraction must be within {WorkerOptions.MinGpuMemoryFraction}–{WorkerOptions.MaxGpuMemoryFraction}");

    /// <summary>Bytes trials may reserve together; null when the device's memory cannot be read (then only slots and the pack limit count).</summary>
    public long? BudgetBytes { get; private set; }

    /// <summary>Most trials side by side on this device; lowered by each out-of-memory error that had neighbours.</summary>
    public int PackLimit { get; private set; } = int.MaxValue;

    /// <summary>Trials admitted and not yet released.</summary>
    public int RunningCount
    {
        get
        {
            lock (_lock)
            {
                return _reserved.Count;
            }
        }
    }

    /// <summary>Bytes reserved by the admitted trials.</summary>
    public long ReservedBytes
    {
        get
        {
            lock (_lock)
            {
                return _reserved.Values.Sum();
            }
        }
    }

    /// <summary>How many trials to lease now, given the worker's free slots: 0 or 1 (each is admitted by its own estimate).</summary>
    public int LeasableNow(int freeSlots)
    {
        lock (_lock)
        {
            return freeSlots > 0 && !_waitingForRelease && _reserved.Count < PackLimit ? 1 : 0;
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/> for a trial when they fit (a trial alone on the device is always admitted: it has
    /// nowhere better to go). False: hand the trial back; no more trials are leased until one is released.
    /// </summary>
    public bool TryAdmit(string trialId, long bytes)
    {
        lock (_lock)
        {
            if (_reserved.Count == 0)
            {
                Measure();
            }

            var fits = _reserved.Count == 0
                || (_reserved.Count < PackLimit && (BudgetBytes is not { } budget || _reserved.Values.Sum() + bytes <= budget));
            if (!fits)
            {
                _waitingForRelease = true;
                return false;
            }

            _reserved[trialId] = bytes;
            return true;
        }
    }

    /// <summary>A trial ended (or was handed back): its reservation is free again.</summary>
    public void Release(string trialId)
    {
        lock (_lock)
        {
            if (_reserved.Remove(trialId))
            {
                _waitingForRelease = false;
            }
        }
    }

    /// <summary>
    /// A trial ran out of device memory: its reservation is released and, when it had neighbours, the pack limit drops
    /// below the number that ran together. True when it should be requeued (it may fit with fewer neighbours); false when
    /// it ran alone, so it cannot fit on this device and fails as any error does.
    /// </summary>
    public bool RecordOutOfMemory(string trialId)
    {
        lock (_lock)
        {
            var together = _reserved.Count;
            _reserved.Remove(trialId);
            _waitingForRelease = false;
            if (together <= 1)
            {
                return false;
            }

            PackLimit = Math.Min(PackLimit, together - 1);
            return true;
        }
    }

    /// <summary>The device's memory now, for reports (null on the CPU or when it cannot be read).</summary>
    public DeviceMemory? Read() => probe.Read(Device);

    // Called when no trial of ours runs: the free memory then excludes only other processes (and our CUDA context once made).
    private void Measure()
    {
        if (probe.Read(Device) is not { } memory)
        {
            BudgetBytes = null;
            return;
        }

        var context = _contextCreated ? 0 : TrialMemoryEstimate.CudaContextBytes;
        BudgetBytes = Math.Max(0, (long)(Fraction * memory.FreeBytes) - context);
        _contextCreated = true;
    }
}
