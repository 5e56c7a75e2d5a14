using AeSweep.Worker.Devices;

namespace AeSweep.Worker.Tests;

public sealed class NvidiaSmiMemoryProbeTests
{
    [Fact]
    public void Reads_free_and_total_mebibytes_from_nvidia_smi_of_the_devices_index()
    {
        // A stand-in nvidia-smi (a real process): answers like the driver's tool, for -i 1 only.
        var folder = Directory.CreateTempSubdirectory("aesweep-nvidia-smi-").FullName;
        var tool = Path.Combine(folder, "nvidia-smi");
        File.WriteAllText(tool, "#!/bin/sh\n[ \"$1\" = --query-gpu=memory.free,memory.total ] && [ \"$2\" = --format=csv,noheader,nounits ] && [ \"$4\" = 1 ] || exit 3\necho '139000, 143771'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            var memory = new NvidiaSmiMemoryProbe { Executable = tool }.Read("cuda:1");

            Assert.Equal(new DeviceMemory(139000L << 20, 143771L << 20), memory);
            Assert.Equal(4771L << 20, memory!.UsedBytes);
            Assert.Null(new NvidiaSmiMemoryProbe { Executable = tool }.Read("cuda:0"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_cpu_a_missing_tool_and_unparsable_output_read_as_unknown()
    {
        Assert.Null(new NvidiaSmiMemoryProbe().Read("cpu"));
        Assert.Null(new NvidiaSmiMemoryProbe { Executable = "/nonexistent/nvidia-smi" }.Read("cuda:0"));
        Assert.Null(NvidiaSmiMemoryProbe.Parse("[N/A], [N/A]"));
        Assert.Equal(new DeviceMemory(1L << 20, 2L << 20), NvidiaSmiMemoryProbe.Parse("1, 2\n"));
    }

    [Theory]
    [InlineData("cuda", 0)]
    [InlineData("cuda:3", 3)]
    [InlineData(" CUDA:1 ", 1)]
    [InlineData("cpu", null)]
    [InlineData("cuda:x", null)]
    public void Reads_the_index_of_cuda_devices_only(string device, int? index) => Assert.Equal(index, NvidiaSmiMemoryProbe.CudaIndex(device));
}
