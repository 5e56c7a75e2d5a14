namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// A scrambled Halton sequence mapped onto the search space: trial <c>n</c> gets point <c>n</c>, so the first
/// trials cover the space evenly (low discrepancy) instead of clumping as independent draws do. Each
/// parameter of the space owns one dimension (prime base), whether or not it is active in a trial, so a
/// conditional parameter keeps its even coverage over the trials where it exists.
/// </summary>
/// <remarks>
/// Our own generator rather than a library's: no NuGet package in the mirror provides a scrambled Sobol or
/// Halton sequence (MathNet.Numerics has none), and a Halton sequence with random digit permutations is a
/// few dozen lines. The permutations (one per dimension and digit) are derived from the seed, so the same
/// seed gives the same points on every machine and after a restart; the suggestion depends only on
/// (seed, trial number).
/// </remarks>
public sealed class QuasiRandomSampler : ISampler
{
    // Digits per coordinate: enough that b^-digits is below a double's resolution at 1 (2^-53).
    private const double MantissaBits = 53;

    private readonly long _seed;

    /// <summary>Creates a quasi-random sampler; the seed chooses the scramble.</summary>
    public QuasiRandomSampler(long seed) => _seed = seed;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue> Sample(SamplingContext context)
    {
        var space = context.Space;
        var point = Point(context.TrialNumber, space.Parameters.Length);
        var assignment = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        for (var d = 0; d < point.Length; d++)
        {
            var parameter = space.Parameters[d];
            if (space.IsActive(parameter, assignment))
            {
                assignment[parameter.Name] = UnitCube.ToValue(parameter.Distribution, point[d]);
            }
        }

        return assignment;
    }

    /// <summary>Point <paramref name="index"/> of the scrambled sequence in the unit cube of <paramref name="dimensions"/> dimensions.</summary>
    public double[] Point(long index, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var primes = Primes(dimensions);
        var point = new double[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            point[d] = ScrambledRadicalInverse(index, primes[d], d);
        }

        return point;
    }

    // Σ πₖ(aₖ)·b^−(k+1) over the base-b digits aₖ of the index, each digit position with its own random
    // permutation πₖ (Braaten–Weller style scrambling, as SciPy's scrambled Halton). The permutation also
    // moves the zero digit, which breaks the strong correlation between dimensions of large prime base
    // that the plain sequence shows in its first points.
    private double ScrambledRadicalInverse(long index, int b, int dimension)
    {
        var digits = (int)Math.Ceiling(MantissaBits / Math.Log2(b));
        var value = 0.0;
        var scale = 1.0 / b;
        var rest = index;
        var permutation = new int[b];
        for (var k = 0; k < digits; k++)
        {
            var digit = (int)(rest % b);
            rest /= b;
            Permute(permutation, dimension, k);
            value += permutation[digit] * scale;
            scale /= b;
        }

        // Rounding can reach 1 after many digits; keep the point inside [0, 1).
        return Math.Min(value, Math.BitDecrement(1.0));
    }

    private void Permute(int[] permutation, int dimension, int digit)
    {
        for (var i = 0; i < permutation.Length; i++)
        {
            permutation[i] = i;
        }

        var random = new Random(SeedSequence.Derive(_seed, dimension, digit));
        random.Shuffle(permutation);
    }

    private static int[] Primes(int count)
    {
        var primes = new List<int>(count);
        for (var candidate = 2; primes.Count < count; candidate++)
        {
            if (primes.TrueForAll(p => p * p > candidate || candidate % p != 0))
            {
                primes.Add(candidate);
            }
        }

        return [.. primes];
    }
}
