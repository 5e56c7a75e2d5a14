using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>Process- and thread-level TorchSharp settings, chosen in one place.</summary>
public static partial class TorchRuntime
{
    private const int MallocTrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MallocMmapThreshold = -3; // M_MMAP_THRESHOLD
    private const int MmapThreshold = 32 << 20;
    private static int memoryConfigured;
    private static int openMpConfigured;
    private static bool trimAvailable = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("AESWEEP_MALLOC_TUNING") != "0";

    /// <summary>
    /// glibc allocator settings for processes that train: a FIXED mmap threshold of 32 MiB (glibc's dynamic threshold
    /// otherwise drifts and lets freed blocks pile up in the heap) and eager trimming of the heap top; together with
    /// <see cref="ReleaseFreedMemory"/> every 50 batches, a full Fashion-MNIST dense trial peaked at ~0.9 GB instead of
    /// ~1.7 GB, at full speed. A low threshold (64 KiB, as first tried) also bounds memory but mmaps every batch-sized
    /// block and cost 1.5-2.5× in page faults. <see cref="ConfigureProcessMemory"/> applies these at run time
    /// (AESWEEP_MMAP_THRESHOLD overrides the threshold); launchers may also set the variables for child processes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WorkerEnvironment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_MMAP_THRESHOLD_"] = "33554432",
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
            var threshold = int.TryParse(Environment.GetEnvironmentVariable("AESWEEP_MMAP_THRESHOLD"), out var t) ? t : MmapThreshold;
            _ = Mallopt(MallocMmapThreshold, threshold);
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

    /// <summary>
    /// Hands freed native memory inside glibc's heaps back to the system (malloc_trim). Called every few dozen
    /// batches by the trainer: cheap, and unlike a low mmap threshold it leaves glibc's fast reuse of batch-sized
    /// blocks alone between calls.
    /// </summary>
    public static void ReleaseFreedMemory()
    {
        CollectAbandonedHandles();
        if (!trimAvailable)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            trimAvailable = false;
        }
    }

    /// <summary>
    /// Frees the native objects TorchSharp leaves to finalizers. Its managed optimizers and operators create
    /// short-lived native handles (scalars for every <c>mul_(beta1)</c>, <c>alpha:</c>, <c>value:</c>) that no dispose
    /// scope tracks; a training loop allocates so little managed memory that a collection may not come for many epochs,
    /// and the live handles scattered between freed tensor blocks keep glibc from reusing or returning them. Measured on
    /// a 2,000-sample dense trial: without this, resident memory grew about 3 MB per epoch until a collection happened;
    /// with it, flat. A gen-0 collection here costs well under a millisecond.
    /// </summary>
    /// <remarks>
    /// The collection waits until no other trial of this process is inside <see cref="NativeWork"/>: TorchSharp reads
    /// a temporary scalar's native handle and then passes it to libtorch without keeping the scalar alive, so a
    /// collection forced in the middle of another thread's optimizer step could finalize the scalar under libtorch's
    /// feet ("Unknown scalar type" failures, seen with two trials per worker before this gate existed).
    /// </remarks>
    public static void CollectAbandonedHandles()
    {
        NativeWorkGate.EnterWriteLock();
        try
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }
        finally
        {
            NativeWorkGate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Marks a stretch of libtorch work (a batch, a validation pass, a checkpoint) during which no forced collection
    /// may run. Trials on other threads enter it side by side; only <see cref="CollectAbandonedHandles"/> excludes them.
    /// </summary>
    public static NativeWorkScope NativeWork()
    {
        NativeWorkGate.EnterReadLock();
        return default;
    }

    /// <summary>Ends a <see cref="NativeWork"/> stretch.</summary>
    public readonly struct NativeWorkScope : IDisposable
    {
        public void Dispose() => NativeWorkGate.ExitReadLock();
    }

    private static readonly ReaderWriterLockSlim NativeWorkGate = new(LockRecursionPolicy.SupportsRecursion);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
