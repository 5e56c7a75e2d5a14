using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>Process- and thread-level TorchSharp settings, chosen in one place.</summary>
public static partial class TorchRuntime
{
    private const int MallocTrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MallocMmapThreshold = -3; // M_MMAP_THRESHOLD
    private static int memoryConfigured;
    private static int openMpConfigured;

    /// <summary>
    /// glibc allocator settings for processes that train: large tensors are mmap'ed (and so returned to the system
    /// when freed) and the heap is trimmed eagerly. Without them glibc keeps freed native memory and a dense
    /// Fashion-MNIST run peaks near 2.6 GB instead of well under 1 GB. <see cref="ConfigureProcessMemory"/> applies
    /// the same settings at run time; worker launchers may also set these variables for child processes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WorkerEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_MMAP_THRESHOLD_"] = "65536",
        ["MALLOC_TRIM_THRESHOLD_"] = "0",
    };

    /// <summary>Applies <see cref="WorkerEnvironment"/>'s allocator settings to this process (Linux/glibc; once; AESWEEP_MALLOC_TUNING=0 disables).</summary>
    public static void ConfigureProcessMemory()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("AESWEEP_MALLOC_TUNING") == "0"
            || Interlocked.Exchange(ref memoryConfigured, 1) == 1)
        {
            return;
        }

        try
        {
            _ = Mallopt(MallocMmapThreshold, 65536);
            _ = Mallopt(MallocTrimThreshold, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): nothing to tune.
        }
    }

    /// <summary>
    /// Makes libtorch's OpenMP threads sleep rather than spin while waiting (OMP_WAIT_POLICY=PASSIVE), unless the
    /// variable is already set. Spinning threads on a CPU shared with other trials or processes starve each other:
    /// measured here, a dense AE with 2 threads on 2 busy cores ran at 2,400 samples/s spinning, 10,900 passive.
    /// libgomp reads the variable when libtorch loads, so this must run before the first TorchSharp call of the
    /// process (TrialTrainer does it first thing; later calls change nothing). AESWEEP_OMP_PASSIVE=0 disables it.
    /// </summary>
    public static void ConfigureOpenMpWaiting()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("AESWEEP_OMP_PASSIVE") == "0"
            || Interlocked.Exchange(ref openMpConfigured, 1) == 1)
        {
            return;
        }

        try
        {
            // The native environment, not .NET's copy: libgomp reads it with getenv().
            _ = SetNativeEnvironment("OMP_WAIT_POLICY", "PASSIVE", 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: leave the default.
        }
    }

    /// <summary>Sets this thread's intra-op parallelism; trials side by side must divide the cores between them.</summary>
    public static void UseThreads(int threads) => set_num_threads(Math.Max(1, threads));

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>, failing clearly when CUDA is absent.</summary>
    public static Device ParseDevice(string device)
    {
        var text = string.IsNullOrWhiteSpace(device) ? "cpu" : device.Trim().ToLowerInvariant();
        if (text == "cpu")
        {
            return CPU;
        }

        if (text.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
            {
                throw new InvalidOperationException($"Device '{device}' requested but CUDA is not available (build with -p:TorchBackend=cuda on a GPU host)");
            }

            return new Device(text);
        }

        throw new ArgumentException($"Unknown device '{device}' (cpu, cuda or cuda:N)");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetNativeEnvironment(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
