namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Derives independent, reproducible random streams from a sweep seed. Each trial gets its own stream
/// keyed by its number, so a sampler holds no random state between asks and a restored study draws
/// exactly what the original would have.
/// </summary>
internal static class SeedSequence
{
    /// <summary>A generator for one (seed, trial, purpose) triple.</summary>
    public static Random For(long seed, int trialNumber, int purpose = 0) => new(Derive(seed, trialNumber, purpose));

    /// <summary>SplitMix64 over the combined key: cheap and well mixed, so neighbouring trial numbers give unrelated streams.</summary>
    public static int Derive(long seed, long a, long b = 0)
    {
        var z = unchecked((ulong)seed + (0x9E3779B97F4A7C15UL * (ulong)(a + 1)) + (0xBF58476D1CE4E5B9UL * (ulong)(b + 1)));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
