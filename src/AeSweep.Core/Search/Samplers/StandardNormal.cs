namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// The standard normal functions the Parzen estimator needs. .NET has no <c>erf</c>, so erfc is the
/// FreeBSD/fdlibm rational approximation (the one Optuna ports in <c>_tpe/_erf.py</c>), kept in erfc
/// form so that both tails stay accurate; the inverse CDF is Acklam's approximation polished by one
/// Halley step against that erfc.
/// </summary>
internal static class StandardNormal
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double LogSqrt2Pi = 0.91893853320467274178;

    /// <summary>log φ(x).</summary>
    public static double LogPdf(double x) => (-0.5 * x * x) - LogSqrt2Pi;

    /// <summary>Φ(x), accurate in both tails.</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Sqrt2);

    /// <summary>log(Φ(b) − Φ(a)) for a ≤ b, computed on the side where the masses do not cancel.</summary>
    public static double LogGaussMass(double a, double b)
    {
        if (a < -9 && b > 9)
        {
            // Both tails below 1.2e-19: the mass is 1 to double precision. Most kernels of a large
            // estimator sit well inside the range, so this saves two erfc calls per component.
            return 0;
        }

        if (b <= 0)
        {
            return Math.Log(Cdf(b) - Cdf(a));
        }

        if (a > 0)
        {
            return Math.Log(Cdf(-a) - Cdf(-b));
        }

        return double.LogP1(-Cdf(a) - Cdf(-b));
    }

    /// <summary>
    /// The <paramref name="q"/>-quantile of the standard normal truncated to [a, b]; as Optuna's
    /// <c>_truncnorm.ppf</c>, it works from the tail nearer the interval so the result stays exact far out.
    /// </summary>
    public static double TruncatedQuantile(double q, double a, double b)
    {
        double x;
        if (a < 0)
        {
            var lo = Cdf(a);
            x = InverseCdf(lo + (q * (Cdf(b) - lo)));
        }
        else
        {
            var lo = Cdf(-b);
            x = -InverseCdf(lo + ((1 - q) * (Cdf(-a) - lo)));
        }

        return Math.Clamp(x, a, b);
    }

    /// <summary>Φ⁻¹(p).</summary>
    public static double InverseCdf(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        const double pLow = 0.02425;
        double x;
        if (p < pLow)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q) - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00;
            x /= (((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q) + 3.754408661907416e+00) * q) + 1;
        }
        else if (p <= 1 - pLow)
        {
            var q = p - 0.5;
            var r = q * q;
            x = ((((((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r) + 1.383577518672690e+02) * r) - 3.066479806614716e+01) * r) + 2.506628277459239e+00) * q;
            x /= (((((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r) + 6.680131188771972e+01) * r) - 1.328068155288572e+01) * r) + 1;
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -((((((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q) - 2.549732539343734e+00) * q) + 4.374664141464968e+00) * q) + 2.938163982698783e+00);
            x /= (((((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q) + 3.754408661907416e+00) * q) + 1;
        }

        // One Halley step brings Acklam's 1e-9 relative error to machine precision.
        var e = Cdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(0.5 * x * x);
        return x - (u / (1 + (0.5 * x * u)));
    }

    /// <summary>The complementary error function (fdlibm's s_erf.c).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 1.0 / (1 << 28))
            {
                return 1 - x;
            }

            var z = x * x;
            var r = 1.28379167095512558561e-01 + (z * (-3.25042107247001499370e-01 + (z * (-2.84817495755985104766e-02 + (z * (-5.77027029648944159157e-03 + (z * -2.37630166566501626084e-05)))))));
            var s = 1 + (z * (3.97917223959155352819e-01 + (z * (6.50222499887672944485e-02 + (z * (5.08130628187576562776e-03 + (z * (1.32494738004321644526e-04 + (z * -3.96022827877536812320e-06)))))))));
            var y = r / s;
            return x < 0.25 ? 1 - (x + (x * y)) : 0.5 - ((x - 0.5) + (x * y));
        }

        if (ax < 1.25)
        {
            var s = ax - 1;
            var p = -2.36211856075265944077e-03 + (s * (4.14856118683748331666e-01 + (s * (-3.72207876035701323847e-01 + (s * (3.18346619901161753674e-01 + (s * (-1.10894694282396677476e-01 + (s * (3.54783043256182359371e-02 + (s * -2.16637559486879084300e-03)))))))))));
            var q = 1 + (s * (1.06420880400844228286e-01 + (s * (5.40397917702171048937e-01 + (s * (7.18286544141962662868e-02 + (s * (1.26171219808761642112e-01 + (s * (1.36370839120290507362e-02 + (s * 1.19844998467991074170e-02)))))))))));
            const double erx = 8.45062911510467529297e-01;
            return x >= 0 ? 1 - erx - (p / q) : 1 + (erx + (p / q));
        }

        if (ax < 28)
        {
            var s = 1 / (ax * ax);
            double rr, ss;
            if (ax < 1 / 0.35)
            {
                rr = -9.86494403484714822705e-03 + (s * (-6.93858572707181764372e-01 + (s * (-1.05586262253232909814e01 + (s * (-6.23753324503260060396e01 + (s * (-1.62396669462573470355e02 + (s * (-1.84605092906711035994e02 + (s * (-8.12874355063065934246e01 + (s * -9.81432934416914548592e00)))))))))))));
                ss = 1 + (s * (1.96512716674392571292e01 + (s * (1.37657754143519042600e02 + (s * (4.34565877475229228821e02 + (s * (6.45387271733267880336e02 + (s * (4.29008140027567833386e02 + (s * (1.08635005541779435134e02 + (s * (6.57024977031928170135e00 + (s * -6.04244152148580987438e-02)))))))))))))));
            }
            else
            {
                if (x < -6)
                {
                    return 2;
                }

                rr = -9.86494292470009928597e-03 + (s * (-7.99283237680523006574e-01 + (s * (-1.77579549177547519889e01 + (s * (-1.60636384855821916062e02 + (s * (-6.37566443368389627722e02 + (s * (-1.02509513161107724954e03 + (s * -4.83519191608651397019e02)))))))))));
                ss = 1 + (s * (3.03380607434824582924e01 + (s * (3.25792512996573918826e02 + (s * (1.53672958608443695994e03 + (s * (3.19985821950859553908e03 + (s * (2.55305040643316442583e03 + (s * (4.74528541206955367215e02 + (s * -2.24409524465858183362e01)))))))))))));
            }

            // fdlibm's SET_LOW_WORD(z, 0): split ax so that exp(-ax²) loses no precision.
            var zz = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(ax) & unchecked((long)0xFFFFFFFF00000000UL));
            var rexp = Math.Exp((-zz * zz) - 0.5625) * Math.Exp(((zz - ax) * (zz + ax)) + (rr / ss));
            return x > 0 ? rexp / ax : 2 - (rexp / ax);
        }

        return x > 0 ? 0 : 2;
    }
}
