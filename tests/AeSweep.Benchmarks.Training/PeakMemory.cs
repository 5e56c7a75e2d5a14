namespace AeSweep.Benchmarks.Training;

/// <summary>This process's peak resident set (VmHWM) and current resident set (VmRSS), in MB.</summary>
internal static class PeakMemory
{
    public static double PeakMb() => Read("VmHWM:");

    public static double CurrentMb() => Read("VmRSS:");

    private static double Read(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
