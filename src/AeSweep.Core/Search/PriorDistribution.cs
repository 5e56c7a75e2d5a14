using System.Globalization;
using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Search;

/// <summary>
/// A W&amp;B distribution that is not uniform over a range (<see cref="PriorKind"/>), optionally rounded to multiples of
/// <see cref="Q"/> (W&amp;B's <c>round(x / q) · q</c>). Samplers see it through its quantile function, as W&amp;B's own
/// Bayesian search does (<c>params.py</c>: <c>cdf</c>/<c>ppf</c>): a coordinate u ∈ (0, 1) maps to the value at the
/// u-quantile, so a uniform draw of u is a draw from the prior, and TPE and the GP model the parameter in that space.
/// </summary>
public sealed record PriorDistribution : ParameterDistribution
{
    // The quantile function is unbounded at 0 and 1 (a normal's tails); coordinates are kept this far inside.
    private const double Edge = 1e-9;

    /// <summary>Creates a prior; bounds are checked by the sweep validator, which knows the field path.</summary>
    /// <param name="kind">The shape.</param>
    /// <param name="a">μ (normal, log-normal), shape a (beta), or the lower natural-log bound (log-uniform).</param>
    /// <param name="b">σ (normal, log-normal), shape b (beta), or the upper natural-log bound (log-uniform).</param>
    /// <param name="q">The rounding step, or null for none.</param>
    /// <param name="integerValues">Whether values are integers (W&amp;B: when q is written as an integer).</param>
    public PriorDistribution(PriorKind kind, double a, double b, double? q = null, bool integerValues = false)
    {
        Kind = kind;
        A = a;
        B = b;
        Q = q;
        IntegerValues = integerValues && q is not null;
    }

    /// <summary>The shape.</summary>
    public PriorKind Kind { get; }

    /// <summary>μ, shape a, or the lower log bound (see the constructor).</summary>
    public double A { get; }

    /// <summary>σ, shape b, or the upper log bound (see the constructor).</summary>
    public double B { get; }

    /// <summary>The rounding step (W&amp;B's <c>q</c>), or null.</summary>
    public double? Q { get; }

    /// <summary>Whether values come out as integers.</summary>
    public bool IntegerValues { get; }

    /// <inheritdoc />
    public override bool IsDiscrete => false;

    /// <inheritdoc />
    public override (double Min, double Max)? NumericRange => Kind switch
    {
        PriorKind.Normal => (double.NegativeInfinity, double.PositiveInfinity),
        PriorKind.LogNormal => (0, double.PositiveInfinity),
        PriorKind.Beta => (0, 1),
        PriorKind.Uniform => (Math.Min(A, Round(A)), Math.Max(B, Round(B))),
        _ => (Math.Min(Math.Exp(A), Round(Math.Exp(A))), Math.Max(Math.Exp(B), Round(Math.Exp(B)))),
    };

    /// <inheritdoc />
    public override bool Contains(ParameterValue value)
    {
        if (!value.IsNumeric || NumericRange is not { } range)
        {
            return false;
        }

        var x = value.AsDouble();
        if (double.IsNaN(x) || x < range.Min || x > range.Max)
        {
            return false;
        }

        if (Q is { } q)
        {
            var k = x / q;
            return Math.Abs(k - Math.Round(k)) < 1e-6;
        }

        return true;
    }

    /// <inheritdoc />
    public override ParameterValue Sample(Random random) => FromUnit(random.NextDouble());

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> EnumerateValues() =>
        throw new InvalidOperationException($"A {Kind} prior has no finite list of values.");

    /// <summary>The value at the <paramref name="u"/>-quantile, rounded to q.</summary>
    public ParameterValue FromUnit(double u)
    {
        u = Math.Clamp(u, Edge, 1 - Edge);
        var x = Kind switch
        {
            PriorKind.Normal => A + (B * StandardNormal.InverseCdf(u)),
            PriorKind.LogNormal => Math.Exp(A + (B * StandardNormal.InverseCdf(u))),
            PriorKind.Beta => BetaFunction.InverseRegularized(u, A, B),
            PriorKind.Uniform => A + (u * (B - A)),
            _ => Math.Exp(A + (u * (B - A))),
        };
        x = Round(x);
        return IntegerValues && Math.Abs(x) < 9e15 ? ParameterValue.Of((long)x) : ParameterValue.Of(x);
    }

    /// <summary>The coordinate of <paramref name="value"/>: its CDF, in [0, 1]; NaN when it is not a number.</summary>
    public double ToUnit(ParameterValue value)
    {
        if (!value.IsNumeric)
        {
            return double.NaN;
        }

        var x = value.AsDouble();
        var u = Kind switch
        {
            PriorKind.Normal => StandardNormal.Cdf((x - A) / B),
            PriorKind.LogNormal => x <= 0 ? 0 : StandardNormal.Cdf((Math.Log(x) - A) / B),
            PriorKind.Beta => BetaFunction.Regularized(Math.Clamp(x, 0, 1), A, B),
            PriorKind.Uniform => (x - A) / (B - A),
            _ => x <= 0 ? 0 : (Math.Log(x) - A) / (B - A),
        };
        return Math.Clamp(u, 0, 1);
    }

    /// <summary>A short description, e.g. <c>normal(μ=0, σ=1) q=0.5</c>.</summary>
    public string Describe()
    {
        var shape = Kind switch
        {
            PriorKind.Normal => string.Create(CultureInfo.InvariantCulture, $"normal(mu={A:G6}, sigma={B:G6})"),
            PriorKind.LogNormal => string.Create(CultureInfo.InvariantCulture, $"log_normal(mu={A:G6}, sigma={B:G6})"),
            PriorKind.Beta => string.Create(CultureInfo.InvariantCulture, $"beta(a={A:G6}, b={B:G6})"),
            PriorKind.Uniform => string.Create(CultureInfo.InvariantCulture, $"uniform [{A:G6}, {B:G6}]"),
            _ => string.Create(CultureInfo.InvariantCulture, $"log_uniform [{Math.Exp(A):G6}, {Math.Exp(B):G6}]"),
        };
        return Q is { } q ? string.Create(CultureInfo.InvariantCulture, $"{shape} q={q:G6}") : shape;
    }

    private double Round(double x) => Q is { } q ? Math.Round(Math.Round(x / q) * q, 12) : x;
}
