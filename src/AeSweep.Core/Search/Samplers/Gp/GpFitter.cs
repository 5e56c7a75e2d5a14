using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// Fits the kernel by maximising the log marginal likelihood of the standardised values plus Optuna's log-priors
/// (GPSampler, <c>_gp/prior.py</c>): −(0.1/λⱼ + 0.1·λⱼ) per inverse squared lengthscale, which keeps every
/// lengthscale near the width of the range unless the data insist; Gamma(2, 1) on the kernel scale; and
/// Gamma(1.1, 30) on the noise variance above a floor of <see cref="MinimumNoise"/>, so that noisy trainings
/// are explained as noise rather than forced through every point, and noise-free ones still interpolate.
/// The parameters are optimised in log space by MathNet's bounded BFGS with the exact gradient.
/// </summary>
internal static class GpFitter
{
    /// <summary>The noise variance never goes below this (on standardised values): it keeps the kernel matrix well conditioned.</summary>
    public const double MinimumNoise = 1e-6;

    private const double LogTwoPi = 1.8378770664093453;

    /// <summary>Fits the hyperparameters to points <paramref name="x"/> with standardised values <paramref name="y"/>.</summary>
    public static GpHyperparameters Fit(double[][] x, double[] y, bool[] categorical, int maxIterations)
    {
        var d = categorical.Length;
        var objective = new Objective(x, y, categorical);
        // Start where the priors peak (every lengthscale the width of the range, unit signal) with little noise.
        var start = Vector<double>.Build.Dense(d + 2);
        start[d + 1] = Math.Log(0.01);
        var lower = Vector<double>.Build.Dense(d + 2, -9);
        var upper = Vector<double>.Build.Dense(d + 2, 9);
        lower[d] = -7;
        upper[d] = 7;
        lower[d + 1] = -23;
        upper[d + 1] = 2;
        objective.Evaluate(start);
        try
        {
            var minimizer = new BfgsBMinimizer(1e-2, 1e-7, 1e-9, maxIterations);
            minimizer.FindMinimum(ObjectiveFunction.Gradient(objective.Evaluate), lower, upper, start);
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or EvaluationException or ArgumentException or ArithmeticException)
        {
            // The best point seen so far is kept below: a line search that fails near a flat optimum still made progress.
        }

        return ToHyperparameters(objective.Best, d);
    }

    /// <summary>−(log marginal likelihood + log prior) and its gradient in log parameters (exposed for the tests).</summary>
    public static (double Value, double[] Gradient) NegativeLogPosterior(double[][] x, double[] y, bool[] categorical, GpHyperparameters h)
    {
        var d = categorical.Length;
        var theta = Vector<double>.Build.Dense(d + 2);
        for (var j = 0; j < d; j++)
        {
            theta[j] = Math.Log(h.InverseSquaredLengthscales[j]);
        }

        theta[d] = Math.Log(h.KernelScale);
        theta[d + 1] = Math.Log(h.NoiseVariance - MinimumNoise);
        var (value, gradient) = new Objective(x, y, categorical).Evaluate(theta);
        return (value, gradient.ToArray());
    }

    private static GpHyperparameters ToHyperparameters(Vector<double> theta, int d) =>
        new([.. Enumerable.Range(0, d).Select(j => Math.Exp(theta[j]))], Math.Exp(theta[d]), Math.Exp(theta[d + 1]) + MinimumNoise);

    private sealed class Objective
    {
        private readonly double[] _y;
        private readonly int _n;
        private readonly int _d;
        private readonly double[][] _deltas;

        public Objective(double[][] x, double[] y, bool[] categorical)
        {
            _y = y;
            _n = y.Length;
            _d = categorical.Length;
            // δⱼ for every pair i < k, computed once: each evaluation then only reweights them.
            var pairs = _n * (_n - 1) / 2;
            _deltas = new double[_d][];
            for (var j = 0; j < _d; j++)
            {
                var column = _deltas[j] = new double[pairs];
                var p = 0;
                for (var i = 0; i < _n; i++)
                {
                    for (var k = i + 1; k < _n; k++)
                    {
                        column[p++] = Matern52Kernel.Delta(x[i][j], x[k][j], categorical[j]);
                    }
                }
            }

            Best = Vector<double>.Build.Dense(_d + 2);
        }

        public Vector<double> Best { get; private set; }

        private double BestValue { get; set; } = double.PositiveInfinity;

        public (double, Vector<double>) Evaluate(Vector<double> theta)
        {
            var lambda = new double[_d];
            for (var j = 0; j < _d; j++)
            {
                lambda[j] = Math.Exp(theta[j]);
            }

            var scale = Math.Exp(theta[_d]);
            var noiseAboveFloor = Math.Exp(theta[_d + 1]);
            var noise = noiseAboveFloor + MinimumNoise;

            var s = new double[_deltas.Length == 0 ? 0 : _deltas[0].Length];
            for (var j = 0; j < _d; j++)
            {
                var column = _deltas[j];
                for (var p = 0; p < s.Length; p++)
                {
                    s[p] += lambda[j] * column[p];
                }
            }

            var k = new DenseMatrix(_n, _n);
            var kValues = k.Values;
            var m = new double[s.Length];
            var pair = 0;
            for (var i = 0; i < _n; i++)
            {
                kValues[(i * _n) + i] = scale + noise;
                for (var c = i + 1; c < _n; c++, pair++)
                {
                    m[pair] = Matern52Kernel.Value(s[pair]);
                    kValues[(i * _n) + c] = kValues[(c * _n) + i] = scale * m[pair];
                }
            }

            var gradient = Vector<double>.Build.Dense(_d + 2);
            double logLikelihood;
            double[] alpha;
            double[] inverse;
            try
            {
                var cholesky = k.Cholesky();
                alpha = cholesky.Solve(Vector<double>.Build.DenseOfArray(_y)).ToArray();
                inverse = ((DenseMatrix)cholesky.Solve(DenseMatrix.CreateIdentity(_n))).Values;
                var fit = 0.0;
                for (var i = 0; i < _n; i++)
                {
                    fit += alpha[i] * _y[i];
                }

                logLikelihood = (-0.5 * fit) - (0.5 * cholesky.DeterminantLn) - (0.5 * _n * LogTwoPi);
            }
            catch (ArgumentException)
            {
                // Not positive definite in floating point: a very large value steers the line search back.
                return (1e300, gradient);
            }

            // d log p(y) / dθ = ½·tr(W·∂K/∂θ) with W = ααᵀ − K⁻¹; W and ∂K/∂θ are symmetric, so the pairs count twice.
            var offDiagonal = 0.0;
            var diagonal = 0.0;
            var dLambda = new double[_d];
            pair = 0;
            for (var i = 0; i < _n; i++)
            {
                diagonal += (alpha[i] * alpha[i]) - inverse[(i * _n) + i];
                for (var c = i + 1; c < _n; c++, pair++)
                {
                    var wic = (alpha[i] * alpha[c]) - inverse[(i * _n) + c];
                    offDiagonal += wic * m[pair];
                    var slope = wic * Matern52Kernel.Derivative(s[pair]);
                    for (var j = 0; j < _d; j++)
                    {
                        dLambda[j] += slope * _deltas[j][pair];
                    }
                }
            }

            var logPrior = 0.0;
            for (var j = 0; j < _d; j++)
            {
                logPrior -= (0.1 / lambda[j]) + (0.1 * lambda[j]);
                gradient[j] = -((scale * lambda[j] * dLambda[j]) + (0.1 / lambda[j]) - (0.1 * lambda[j]));
            }

            logPrior += Math.Log(scale) - scale + (0.1 * Math.Log(noise)) - (30 * noise);
            gradient[_d] = -((scale * (offDiagonal + (0.5 * diagonal))) + 1 - scale);
            gradient[_d + 1] = -(((0.5 * diagonal) + (0.1 / noise) - 30) * noiseAboveFloor);

            var value = -(logLikelihood + logPrior);
            if (value < BestValue)
            {
                BestValue = value;
                Best = theta.Clone();
            }

            return (value, gradient);
        }
    }
}
