namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// The Matérn-5/2 kernel with automatic relevance determination, as Optuna's GPSampler defines it:
/// k(x, y) = σ²·m(s), s = Σⱼ λⱼ·δⱼ(x, y), m(s) = (1 + √5·r + 5/3·r²)·e^(−√5·r), r = √s, where λⱼ is the inverse
/// squared lengthscale of dimension j and δⱼ the squared difference for numbers, the Hamming distance (0 or 1)
/// for categoricals and for a parameter active in only one of the two points (0 when inactive in both).
/// </summary>
internal static class Matern52Kernel
{
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>δⱼ(a, b): the per-dimension distance term.</summary>
    public static double Delta(double a, double b, bool categorical)
    {
        var aMissing = double.IsNaN(a);
        var bMissing = double.IsNaN(b);
        if (aMissing || bMissing)
        {
            return aMissing && bMissing ? 0 : 1;
        }

        if (categorical)
        {
            return a == b ? 0 : 1;
        }

        var d = a - b;
        return d * d;
    }

    /// <summary>s = Σⱼ λⱼ·δⱼ(x, y).</summary>
    public static double ScaledDistance(double[] x, double[] y, double[] inverseSquaredLengthscales, bool[] categorical)
    {
        var s = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            s += inverseSquaredLengthscales[j] * Delta(x[j], y[j], categorical[j]);
        }

        return s;
    }

    /// <summary>m(s).</summary>
    public static double Value(double s)
    {
        var r = Math.Sqrt(s);
        return (1 + (Sqrt5 * r) + (5.0 / 3 * s)) * Math.Exp(-Sqrt5 * r);
    }

    /// <summary>dm/ds = −5/6·(1 + √5·r)·e^(−√5·r): finite at s = 0, so gradients need no special case there.</summary>
    public static double Derivative(double s)
    {
        var r = Math.Sqrt(s);
        return -5.0 / 6 * (1 + (Sqrt5 * r)) * Math.Exp(-Sqrt5 * r);
    }
}
