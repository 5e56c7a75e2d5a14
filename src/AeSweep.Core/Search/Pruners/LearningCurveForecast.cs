namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Where a learning curve is heading: the curve so far, fitted by least squares with two parametric families that
/// describe how validation losses fall (Domhan et al. 2015, "Speeding up Automatic Hyperparameter Optimization of Deep
/// Neural Networks by Extrapolation of Learning Curves", use an ensemble of such families), read at a later step.
/// </summary>
/// <remarks>
/// <para>
/// The families are exponential decay <c>a + b·exp(−t/τ)</c> and a power law <c>a + b·t^(−c)</c> (t the step, from 1).
/// Both are linear in a and b once their shape parameter (τ or c) is fixed, so each is fitted exactly for every shape
/// on a fixed logarithmic grid, and the best shape is refined by golden-section search between its grid neighbours
/// (variable projection: a and b in closed form, the shape by search). That makes a fit deterministic, free of
/// starting points, and cheap — about 2·(<see cref="GridSize"/> + 60) passes over the points.
/// </para>
/// <para>
/// The forecast is the best-fitting curve's value at the horizon (both families have three parameters, so their
/// residual sums of squares compare directly). The exponential's time constant is capped at the horizon: a slower
/// decay is a straight line over the budget, and a line extrapolated far overshoots any curve that bends. Steps are
/// read as given, so they must mean the same for every trial (epochs).
/// </para>
/// <para>
/// A more cautious reading — the lowest value at the horizon among the fits a 95 % profile-likelihood region cannot
/// tell from the best — was measured and not kept: with four to nine points the region admits near-straight lines, and
/// ASHA ranking by it kept so many trials that it spent more epochs than plain ASHA with a late first rung
/// (docs/benchmarks/search.md, "Pruning").
/// </para>
/// </remarks>
public static class LearningCurveForecast
{
    /// <summary>The fewest points a forecast is made from: three parameters and one degree of freedom for the noise.</summary>
    public const int MinPoints = 4;

    /// <summary>Shapes tried per family before the best is refined.</summary>
    public const int GridSize = 48;

    private const int RefinementSteps = 30;

    /// <summary>A curve's forecast value at the horizon and the family that fitted it best.</summary>
    /// <param name="Expected">The best-fitting curve's value at the horizon.</param>
    /// <param name="Family">The best-fitting family: "exponential" or "power law".</param>
    /// <param name="Shape">The best fit's shape parameter: τ for the exponential, c for the power law.</param>
    public readonly record struct Forecast(double Expected, string Family, double Shape);

    /// <summary>
    /// Fits the curve <paramref name="steps"/>/<paramref name="values"/> (smaller is better, finite values, steps ≥ 1
    /// and increasing) and reads it at <paramref name="horizon"/>; null with fewer than <see cref="MinPoints"/> points.
    /// </summary>
    public static Forecast? Predict(IReadOnlyList<int> steps, IReadOnlyList<double> values, int horizon)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(values);
        if (steps.Count != values.Count)
        {
            throw new ArgumentException("One value per step.", nameof(values));
        }

        var n = steps.Count;
        if (n < MinPoints)
        {
            return null;
        }

        Fit? best = null;
        foreach (var exponential in new[] { true, false })
        {
            if (FitFamily(exponential, steps, values, horizon) is { } fit && (best is null || fit.Sse < best.Value.Sse))
            {
                best = fit;
            }
        }

        if (best is not { } chosen)
        {
            return null;
        }

        return new Forecast(chosen.AtHorizon, chosen.Exponential ? "exponential" : "power law", chosen.Shape);
    }

    // The family's best shape: the best point of a logarithmic grid, then golden-section search between its
    // neighbours (the SSE is smooth in the shape), so a curve of the family is recovered, not a grid point near it.
    private static Fit? FitFamily(bool exponential, IReadOnlyList<int> steps, IReadOnlyList<double> values, int horizon)
    {
        // τ from a quarter step to the horizon (slower decays are straight lines over the budget, which the power law
        // already covers); c from 0.05 (nearly flat) to 4 (steep).
        var (low, high) = exponential ? (Math.Log(0.25), Math.Log(Math.Max(horizon, 1))) : (Math.Log(0.05), Math.Log(4));
        var spacing = (high - low) / (GridSize - 1);
        var basis = new double[steps.Count];
        Fit? best = null;
        var bestIndex = 0;
        for (var g = 0; g < GridSize; g++)
        {
            if (Evaluate(exponential, Math.Exp(low + (g * spacing)), steps, values, horizon, basis) is { } fit && (best is null || fit.Sse < best.Value.Sse))
            {
                best = fit;
                bestIndex = g;
            }
        }

        if (best is null)
        {
            return null;
        }

        var left = low + (Math.Max(bestIndex - 1, 0) * spacing);
        var right = low + (Math.Min(bestIndex + 1, GridSize - 1) * spacing);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < RefinementSteps; i++)
        {
            var x1 = right - (ratio * (right - left));
            var x2 = left + (ratio * (right - left));
            var f1 = Evaluate(exponential, Math.Exp(x1), steps, values, horizon, basis)?.Sse ?? double.PositiveInfinity;
            var f2 = Evaluate(exponential, Math.Exp(x2), steps, values, horizon, basis)?.Sse ?? double.PositiveInfinity;
            if (f1 <= f2)
            {
                right = x2;
            }
            else
            {
                left = x1;
            }
        }

        return Evaluate(exponential, Math.Exp((left + right) / 2), steps, values, horizon, basis) is { } refined && refined.Sse <= best.Value.Sse
            ? refined
            : best;
    }

    private static Fit? Evaluate(bool exponential, double shape, IReadOnlyList<int> steps, IReadOnlyList<double> values, int horizon, double[] basis)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            basis[i] = Basis(exponential, shape, steps[i]);
        }

        return FitLine(basis, values) is { } line
            ? new Fit(line.Sse, line.A + (line.B * Basis(exponential, shape, horizon)), exponential, shape)
            : null;
    }

    private readonly record struct Fit(double Sse, double AtHorizon, bool Exponential, double Shape);

    private static double Basis(bool exponential, double shape, double step) =>
        exponential ? Math.Exp(-(step - 1) / shape) : Math.Pow(step, -shape);

    // Least squares of values on a + b·basis; null when the basis is constant over the points.
    private static (double A, double B, double Sse)? FitLine(double[] basis, IReadOnlyList<double> values)
    {
        var n = values.Count;
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += basis[i];
            meanY += values[i];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = basis[i] - meanX;
            sxx += dx * dx;
            sxy += dx * (values[i] - meanY);
        }

        if (!(sxx > 1e-300))
        {
            return null;
        }

        var b = sxy / sxx;
        var a = meanY - (b * meanX);
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = values[i] - a - (b * basis[i]);
            sse += r * r;
        }

        return (a, b, sse);
    }
}
