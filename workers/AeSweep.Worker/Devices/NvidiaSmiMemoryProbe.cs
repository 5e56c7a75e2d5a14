using System.Diagnostics;
using System.Globalization;

namespace AeSweep.Worker.Devices;

/// <summary>
/// Free and total memory of <c>cuda:N</c> from <c>nvidia-smi --query-gpu=memory.free,memory.total --format=csv,noheader,nounits -i N</c>.
/// TorchSharp 0.107 exposes no memory query (its native library binds neither <c>cudaMemGetInfo</c> nor the caching
/// allocator's statistics), and nvidia-smi ships with every NVIDIA driver. Null when the tool is missing, slow or its
/// answer does not parse: the worker then packs by <c>--slots</c> alone and says so.
/// </summary>
public sealed class NvidiaSmiMemoryProbe : IDeviceMemoryProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The tool to run (default <c>nvidia-smi</c> on the PATH).</summary>
    public string Executable { get; init; } = "nvidia-smi";

    public DeviceMemory? Read(string device)
    {
        if (CudaIndex(device) is not { } index)
        {
            return null;
        }

        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--query-gpu=memory.free,memory.total", "--format=csv,noheader,nounits", "-i", index.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Patience))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? Parse(output.GetAwaiter().GetResult()) : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>Parses one line of <c>FREE, TOTAL</c> in MiB (nvidia-smi's <c>nounits</c> form).</summary>
    public static DeviceMemory? Parse(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var fields = line?.Split(',', StringSplitOptions.TrimEntries);
        return fields is { Length: 2 }
            && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var free)
            && long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
            && free >= 0 && total > 0
            ? new DeviceMemory(free << 20, total << 20)
            : null;
    }

    /// <summary>N of <c>cuda:N</c> (0 for plain <c>cuda</c>); null for any other device.</summary>
    public static int? CudaIndex(string device)
    {
        var text = device.Trim().ToLowerInvariant();
        if (text == "cuda")
        {
            return 0;
        }

        return text.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }
}
