using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// Maximises log expected improvement over the (rounded) search space, as Optuna's <c>optim_mixed</c> does:
/// score a scrambled-Halton candidate set plus the best observed points, then refine the best few by local search
/// — bounded BFGS with the exact gradient over the active continuous coordinates, then neighbour moves on the
/// grid of every integer or stepped parameter and every other choice of every categorical — until a round
/// improves nothing. Every score is taken at the rounded configuration, with conditions applied, so the value
/// optimised is the value of what will be suggested.
/// </summary>
internal sealed partial class AcquisitionOptimizer
{
    private const int MaxRounds = 4;
    private const int MaxGradientIterations = 20;

    private readonly GpSearchSpace _space;
    private readonly GpPosterior _posterior;
    private readonly double _best;

    /// <summary>Creates an optimiser of log EI below <paramref name="best"/> (a standardised, minimised value).</summary>
    public AcquisitionOptimizer(GpSearchSpace space, GpPosterior posterior, double best)
    {
        _space = space;
        _posterior = posterior;
        _best = best;
    }

    /// <summary>The configuration with the highest log EI found, and that value.</summary>
    /// <param name="random">The ask's seeded generator (scrambles the candidates).</param>
    /// <param name="candidates">Number of quasi-random candidates.</param>
    /// <param name="starts">Number of local searches.</param>
    /// <param name="incumbents">Unit coordinates of the best observed points, tried as candidates too.</param>
    public (Dictionary<string, ParameterValue> Configuration, double LogEi) Maximise(Random random, int candidates, int starts, IReadOnlyList<double[]> incumbents)
    {
        var d = _space.Dimensions.Length;
        var halton = new ScrambledHalton(Math.Min(d, 256), random);
        var units = new List<double[]>(candidates + incumbents.Count);
        for (var c = 0; c < candidates; c++)
        {
            var u = halton.Point(c + 1);
            if (d > u.Length)
            {
                // Beyond 256 dimensions the remaining coordinates are plain uniform draws.
                u = [.. u, .. Enumerable.Range(0, d - u.Length).Select(_ => random.NextDouble())];
            }

            units.Add(u);
        }

        units.AddRange(incumbents);
        var points = units.Select(u => _space.Round(u).Point).ToList();
        var scores = WithoutInfeasible(Score(points), units);
        var order = Enumerable.Range(0, units.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();

        double[]? bestUnit = null;
        var bestScore = double.NegativeInfinity;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in order)
        {
            if (seen.Count >= starts)
            {
                break;
            }

            // Two candidates that round to the same configuration would repeat one search.
            if (!seen.Add(Key(points[i])))
            {
                continue;
            }

            var (unit, score) = LocalSearch(units[i], scores[i]);
            if (score > bestScore)
            {
                (bestUnit, bestScore) = (unit, score);
            }
        }

        return (_space.Round(bestUnit ?? units[order[0]]).Configuration, bestScore);
    }

    private (double[] Unit, double Score) LocalSearch(double[] start, double startScore)
    {
        var unit = (double[])start.Clone();
        var score = startScore;
        for (var round = 0; round < MaxRounds; round++)
        {
            var before = score;
            (unit, score) = RefineContinuous(unit, score);
            for (var j = 0; j < unit.Length; j++)
            {
                if (_space.Dimensions[j].Kind != GpDimensionKind.Continuous)
                {
                    (unit, score) = MoveAlong(j, unit, score);
                }
            }

            if (score <= before + 1e-9)
            {
                break;
            }
        }

        return (unit, score);
    }

    private (double[] Unit, double Score) RefineContinuous(double[] unit, double score)
    {
        var point = _space.Round(unit).Point;
        var dims = Enumerable.Range(0, unit.Length).Where(j => _space.Dimensions[j].Kind == GpDimensionKind.Continuous && !double.IsNaN(point[j])).ToArray();
        if (dims.Length == 0)
        {
            return (unit, score);
        }

        var bestUnit = unit;
        var bestScore = score;
        (double, Vector<double>) Negative(Vector<double> v)
        {
            var moved = (double[])unit.Clone();
            for (var g = 0; g < dims.Length; g++)
            {
                moved[dims[g]] = v[g];
            }

            // Re-rounded: a continuous parent crossing its child's threshold switches the child on or off.
            var candidate = _space.Round(moved).Point;
            var (mean, variance, dMean, dVariance) = _posterior.PredictWithGradient(candidate, dims);
            var sigma = Math.Sqrt(variance);
            var z = (_best - mean) / sigma;
            var (logH, dLogH) = LogExpectedImprovement.LogHWithDerivative(z);
            var value = Math.Log(sigma) + logH;
            var gradient = Vector<double>.Build.Dense(dims.Length);
            for (var g = 0; g < dims.Length; g++)
            {
                // log EI = log σ + log h(z), z = (best − μ)/σ, dσ = dσ²/(2σ).
                var dSigma = dVariance[g] / (2 * sigma);
                gradient[g] = -((dSigma / sigma) + (dLogH * ((-dMean[g] / sigma) - (z * dSigma / sigma))));
            }

            if (value > bestScore && IsFeasible(moved))
            {
                bestScore = value;
                bestUnit = moved;
            }

            return (-value, gradient);
        }

        var start = Vector<double>.Build.Dense(dims.Length, g => Math.Clamp(unit[dims[g]], 0, 1));
        try
        {
            new BfgsBMinimizer(1e-5, 1e-8, 1e-10, MaxGradientIterations).FindMinimum(
                ObjectiveFunction.Gradient(Negative), Vector<double>.Build.Dense(dims.Length, 0), Vector<double>.Build.Dense(dims.Length, 1), start);
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or EvaluationException or ArgumentException or ArithmeticException)
        {
            // Keep the best point the search reached.
        }

        return (bestUnit, bestScore);
    }

    // The best of the neighbouring grid values (integers, stepped floats) or of every choice (categoricals) along j.
    private (double[] Unit, double Score) MoveAlong(int j, double[] unit, double score)
    {
        var dimension = _space.Dimensions[j];
        var current = _space.Round(unit);
        if (double.IsNaN(current.Point[j]))
        {
            return (unit, score);
        }

        var moves = new List<double>();
        if (dimension.Kind == GpDimensionKind.Categorical)
        {
            for (var c = 0; c < dimension.Choices; c++)
            {
                if (c != (int)current.Point[j])
                {
                    moves.Add(dimension.CategoryCentre(c));
                }
            }
        }
        else
        {
            var value = current.Configuration[dimension.Parameter.Name];
            foreach (var offset in new[] { -8, -4, -2, -1, 1, 2, 4, 8 })
            {
                if (Neighbour(dimension, value, offset) is { } neighbour && !neighbour.Equals(value))
                {
                    moves.Add(dimension.Encode(neighbour));
                }
            }
        }

        var variants = moves.Select(m =>
        {
            var moved = (double[])unit.Clone();
            moved[j] = m;
            return moved;
        }).ToList();
        if (variants.Count == 0)
        {
            return (unit, score);
        }

        var scores = WithoutInfeasible(Score([.. variants.Select(v => _space.Round(v).Point)]), variants);
        var best = Enumerable.Range(0, variants.Count).MaxBy(i => scores[i]);
        return scores[best] > score ? (variants[best], scores[best]) : (unit, score);
    }

    private static ParameterValue? Neighbour(GpDimension dimension, ParameterValue value, int offset)
    {
        switch (dimension.Parameter.Distribution)
        {
            case IntDistribution i:
                var step = Math.Max(1, i.Step);
                var v = value.AsLong() + (offset * step);
                return v < i.Low || v > i.High ? null : ParameterValue.Of(v);
            case FloatDistribution { Step: > 0 } f:
                var x = value.AsDouble() + (offset * f.Step!.Value);
                return x < f.Low - 1e-12 || x > f.High + 1e-12 ? null : ParameterValue.Of(f.Quantize(x));
            default:
                return null;
        }
    }

    private double[] Score(IReadOnlyList<double[]> points)
    {
        var (mean, variance) = _posterior.Predict(points);
        var scores = new double[points.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = LogExpectedImprovement.Value(mean[i], variance[i], _best);
        }

        return scores;
    }

    private static string Key(double[] point) => string.Join(',', point.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}
