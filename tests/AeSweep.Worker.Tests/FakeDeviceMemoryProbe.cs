using AeSweep.Worker.Devices;

namespace AeSweep.Worker.Tests;

/// <summary>A GPU whose free memory the test sets; counts reads.</summary>
internal sealed class FakeDeviceMemoryProbe(long freeBytes, long totalBytes) : IDeviceMemoryProbe
{
    public long FreeBytes { get; set; } = freeBytes;

    public int Reads { get; private set; }

    /// <summary>As when nvidia-smi is missing.</summary>
    public bool Unreadable { get; set; }

    public DeviceMemory? Read(string device)
    {
        Reads++;
        return !Unreadable && device.StartsWith("cuda", StringComparison.Ordinal) ? new DeviceMemory(FreeBytes, totalBytes) : null;
    }
}
