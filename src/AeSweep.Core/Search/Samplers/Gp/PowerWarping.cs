namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// A monotone warping of the minimised values before they are standardised: x = (y − min)/s + 1, with s the median
/// gap above the best value, then the Box–Cox transform (x^λ − 1)/λ (log x at λ = 0) with λ ∈ [0, 1] chosen by
/// maximum likelihood on a fixed grid. Losses that span orders of magnitude (a few diverged trainings, a valley
/// function) get λ near 0, a log scale on which the differences near the best are not flattened by the worst
/// trials; well-spread values keep λ near 1, the identity. Unlike ranks, it keeps how much better a value is.
/// </summary>
internal static class PowerWarping
{
    /// <summary>The warped values (same order), and the λ chosen.</summary>
    public static (double[] Values, double Lambda) Apply(double[] values)
    {
        var min = values.Min();
        var gaps = values.Select(v => v - min).Where(g => g > 0).Order().ToArray();
        if (gaps.Length < 2)
        {
            return (values, 1);
        }

        var s = gaps[gaps.Length / 2];
        var x = values.Select(v => ((v - min) / s) + 1).ToArray();
        var sumLog = x.Sum(Math.Log);
        var bestLambda = 1.0;
        var bestLikelihood = double.NegativeInfinity;
        for (var step = 0; step <= 20; step++)
        {
            var lambda = step / 20.0;
            var transformed = Transform(x, lambda);
            var mean = transformed.Average();
            var variance = transformed.Sum(t => (t - mean) * (t - mean)) / transformed.Length;
            var likelihood = (-0.5 * transformed.Length * Math.Log(Math.Max(variance, 1e-300))) + ((lambda - 1) * sumLog);
            if (likelihood > bestLikelihood)
            {
                (bestLambda, bestLikelihood) = (lambda, likelihood);
            }
        }

        return (Transform(x, bestLambda), bestLambda);
    }

    private static double[] Transform(double[] x, double lambda) =>
        lambda == 0 ? [.. x.Select(v => Math.Log(v))] : [.. x.Select(v => (Math.Pow(v, lambda) - 1) / lambda)];
}
