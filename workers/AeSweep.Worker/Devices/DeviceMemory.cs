namespace AeSweep.Worker.Devices;

/// <summary>A device's memory as its driver reports it, in bytes.</summary>
public sealed record DeviceMemory(long FreeBytes, long TotalBytes)
{
    /// <summary>What every process on the device holds (ours and others').</summary>
    public long UsedBytes => Math.Max(0, TotalBytes - FreeBytes);
}
