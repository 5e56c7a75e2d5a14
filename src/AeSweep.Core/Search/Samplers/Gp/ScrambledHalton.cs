namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// Scrambled Halton points in [0, 1)^d: the radical inverse of the point index in the d-th prime base, with
/// every digit passed through a random permutation drawn per (dimension, digit position) — Owen-style
/// digit scrambling, which removes the correlation between high dimensions of the plain Halton sequence.
/// The acquisition needs a few thousand well-spread candidates per ask; no kept library here has a
/// low-discrepancy generator (MathNet has none), and Halton needs no table of direction numbers as Sobol
/// does, so a small deterministic one lives here. The permutations come from the caller's seeded generator,
/// so the points depend only on (seed, trial number).
/// </summary>
internal sealed class ScrambledHalton
{
    private static readonly int[] Primes = FirstPrimes(256);

    private readonly int[][][] _permutations;

    /// <summary>Creates a generator for <paramref name="dimensions"/> dimensions (at most 256).</summary>
    public ScrambledHalton(int dimensions, Random random)
    {
        if (dimensions > Primes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "At most 256 dimensions.");
        }

        _permutations = new int[dimensions][][];
        for (var j = 0; j < dimensions; j++)
        {
            var b = Primes[j];
            // Enough digits that b^digits exceeds 2^53: the rest would not change the double.
            var digits = (int)Math.Ceiling(53 / Math.Log2(b));
            _permutations[j] = new int[digits][];
            for (var k = 0; k < digits; k++)
            {
                var permutation = Enumerable.Range(0, b).ToArray();
                random.Shuffle(permutation);
                _permutations[j][k] = permutation;
            }
        }
    }

    /// <summary>Point number <paramref name="index"/> (from 0) of the sequence.</summary>
    public double[] Point(long index)
    {
        var point = new double[_permutations.Length];
        for (var j = 0; j < point.Length; j++)
        {
            var b = Primes[j];
            var permutations = _permutations[j];
            var n = index;
            var scale = 1.0 / b;
            var value = 0.0;
            // Every digit position, including the leading zeros of small indices, is scrambled: a permuted zero
            // is what spreads the first points.
            for (var k = 0; k < permutations.Length; k++)
            {
                value += permutations[k][(int)(n % b)] * scale;
                n /= b;
                scale /= b;
            }

            point[j] = Math.Min(value, 1 - 1e-16);
        }

        return point;
    }

    private static int[] FirstPrimes(int count)
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
