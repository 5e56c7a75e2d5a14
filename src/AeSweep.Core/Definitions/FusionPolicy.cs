namespace AeSweep.Core.Definitions;

/// <summary>
/// Resolves <c>execution.fuse</c> to the pack size a worker slot uses: an explicit size as written, <c>auto</c> by the
/// worker's device kind (and the model family), so that auto fuses only where fusion measured faster.
/// </summary>
public static class FusionPolicy
{
    /// <summary><c>auto</c>'s pack size on a CUDA device: small autoencoders leave a GPU mostly idle one at a time (HFTA).</summary>
    public const int AutoCudaPackSize = 8;

    /// <summary>
    /// <c>auto</c>'s pack size on a CPU: 1 (no fusion) for every family. The fused-versus-unfused CPU benchmark
    /// (docs/benchmarks/training.md) measured dense packs at 1.07-1.23× the best unfused way on a quiet 2-core machine
    /// (0.65-1.18× under load) and conv packs at 1.01×; that gain does not pay for keeping N times as many trials in
    /// flight, which a model-based sampler would have to ask for without the results of the trials before. A random or
    /// grid sweep can set <c>fuse</c> explicitly.
    /// </summary>
    public const int AutoCpuPackSize = 1;

    /// <summary>The pack size for <paramref name="execution"/>'s sweep on <paramref name="device"/>.</summary>
    public static int Resolve(ExecutionSpec execution, string device, string family)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return Resolve(execution.Fuse, device, family);
    }

    /// <summary>
    /// The pack size for a sweep whose <c>execution.fuse</c> is <paramref name="fuse"/> (null: <c>auto</c>) on
    /// <paramref name="device"/> (<c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>) for the model <paramref name="family"/>.
    /// </summary>
    public static int Resolve(int? fuse, string device, string family)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(family);
        if (fuse is { } size)
        {
            return Math.Clamp(size, ExecutionSpec.MinFuse, ExecutionSpec.MaxFuse);
        }

        // The family is not used yet; it is here so that the CPU rule can differ for dense and conv models without
        // changing callers once the benchmark is in.
        return device.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) ? AutoCudaPackSize : AutoCpuPackSize;
    }
}
