namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// log E[max(0, f0 − Y)] for Y ~ N(μ, σ²), the expected improvement below the best value f0, computed in log
/// space so that it stays finite and informative far from the incumbent (Ament et al. 2023, "Unexpected
/// improvements to expected improvement"): plain EI underflows to 0 there and leaves the optimiser no gradient.
/// </summary>
internal static class LogExpectedImprovement
{
    private const double LogSqrt2Pi = 0.91893853320467274178;

    // Below this z, h(z) = zΦ(z) + φ(z) loses more than a digit to cancellation; the continued fraction takes over.
    private const double ContinuedFractionBelow = -3;

    /// <summary>log EI of a minimisation with posterior mean <paramref name="mean"/>, variance <paramref name="variance"/> and best value <paramref name="best"/>.</summary>
    public static double Value(double mean, double variance, double best)
    {
        var sigma = Math.Sqrt(variance);
        return Math.Log(sigma) + LogH((best - mean) / sigma);
    }

    /// <summary>
    /// log h(z), h(z) = zΦ(z) + φ(z) = E[max(0, Z + z)] for standard normal Z, and its derivative
    /// d log h / dz = Φ(z) / h(z).
    /// </summary>
    public static (double Value, double Derivative) LogHWithDerivative(double z)
    {
        if (z > ContinuedFractionBelow)
        {
            var cdf = StandardNormal.Cdf(z);
            var h = (z * cdf) + Math.Exp(StandardNormal.LogPdf(z));
            return (Math.Log(h), cdf / h);
        }

        // With t = −z and the Mills ratio R(t) = (1 − Φ(t)) / φ(t) = 1 / (t + a), a = 1 / g,
        // g = t + 2/(t + 3/(t + 4/(t + …))): h(z) / φ(z) = 1 − tR = a / (t + a) and Φ(z) / h(z) = g, with no
        // subtraction of nearly equal numbers anywhere.
        var g = ContinuedFraction(-z);
        var a = 1 / g;
        return (StandardNormal.LogPdf(z) + Math.Log(a) - Math.Log(-z + a), g);
    }

    /// <summary>log h(z); see <see cref="LogHWithDerivative"/>.</summary>
    public static double LogH(double z) => LogHWithDerivative(z).Value;

    // g(t) = t + 2/(t + 3/(t + 4/(t + …))) by the modified Lentz method; t ≥ 3 converges in a few dozen terms.
    private static double ContinuedFraction(double t)
    {
        const double tiny = 1e-300;
        var f = t;
        var c = f;
        var d = 0.0;
        for (var j = 2; j < 500; j++)
        {
            d = t + (j * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = t + (j / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return f;
    }
}
