namespace AeSweep.Worker.Devices;

/// <summary>
/// Reads a device's free and total memory. The CUDA implementation asks <c>nvidia-smi</c>
/// (<see cref="NvidiaSmiMemoryProbe"/>); tests give a fake, so every packing rule runs without a GPU.
/// </summary>
public interface IDeviceMemoryProbe
{
    /// <summary>The memory of <paramref name="device"/> (<c>cuda:N</c>); null for the CPU or when it cannot be read.</summary>
    DeviceMemory? Read(string device);
}
