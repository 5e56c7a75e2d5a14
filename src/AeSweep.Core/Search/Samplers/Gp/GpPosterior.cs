using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// The Gaussian-process posterior over the objective given observed points and fixed hyperparameters:
/// mean kᵀα and variance σ² − kᵀK⁻¹k, with α = K⁻¹y from MathNet's Cholesky factorisation. K⁻¹ is formed once
/// (as Optuna does) so that a batch of candidates costs one matrix product.
/// </summary>
internal sealed class GpPosterior
{
    private readonly double[][] _x;
    private readonly bool[] _categorical;
    private readonly double[] _alpha;
    private readonly Matrix<double> _inverse;

    /// <summary>Conditions the process on <paramref name="x"/> with (standardised) values <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentException">The kernel matrix is not positive definite (cannot happen with the noise floor in exact arithmetic).</exception>
    public GpPosterior(double[][] x, double[] y, bool[] categorical, GpHyperparameters hyperparameters)
    {
        _x = x;
        _categorical = categorical;
        Hyperparameters = hyperparameters;
        var n = x.Length;
        var k = new DenseMatrix(n, n);
        for (var i = 0; i < n; i++)
        {
            k[i, i] = hyperparameters.KernelScale + hyperparameters.NoiseVariance;
            for (var c = i + 1; c < n; c++)
            {
                k[i, c] = k[c, i] = Covariance(x[i], x[c]);
            }
        }

        var cholesky = k.Cholesky();
        _alpha = cholesky.Solve(Vector<double>.Build.DenseOfArray(y)).ToArray();
        _inverse = cholesky.Solve(DenseMatrix.CreateIdentity(n));
    }

    /// <summary>The kernel in use.</summary>
    public GpHyperparameters Hyperparameters { get; }

    /// <summary>Posterior mean and variance (of the latent objective, without observation noise) at every point.</summary>
    public (double[] Mean, double[] Variance) Predict(IReadOnlyList<double[]> points)
    {
        var n = _x.Length;
        var cross = new DenseMatrix(n, points.Count);
        for (var c = 0; c < points.Count; c++)
        {
            for (var i = 0; i < n; i++)
            {
                cross[i, c] = Covariance(_x[i], points[c]);
            }
        }

        var solved = _inverse * cross;
        var mean = new double[points.Count];
        var variance = new double[points.Count];
        for (var c = 0; c < points.Count; c++)
        {
            double m = 0, q = 0;
            for (var i = 0; i < n; i++)
            {
                var kic = cross[i, c];
                m += kic * _alpha[i];
                q += kic * solved[i, c];
            }

            mean[c] = m;
            variance[c] = ClampVariance(Hyperparameters.KernelScale - q);
        }

        return (mean, variance);
    }

    /// <summary>Mean and variance at one point with their gradients along <paramref name="dimensions"/> (continuous, active ones).</summary>
    public (double Mean, double Variance, double[] MeanGradient, double[] VarianceGradient) PredictWithGradient(double[] point, int[] dimensions)
    {
        var n = _x.Length;
        var lambda = Hyperparameters.InverseSquaredLengthscales;
        var scale = Hyperparameters.KernelScale;
        var k = new double[n];
        var slope = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = Matern52Kernel.ScaledDistance(_x[i], point, lambda, _categorical);
            k[i] = scale * Matern52Kernel.Value(s);
            slope[i] = scale * Matern52Kernel.Derivative(s);
        }

        var v = _inverse * Vector<double>.Build.DenseOfArray(k);
        double mean = 0, q = 0;
        for (var i = 0; i < n; i++)
        {
            mean += k[i] * _alpha[i];
            q += k[i] * v[i];
        }

        var meanGradient = new double[dimensions.Length];
        var varianceGradient = new double[dimensions.Length];
        for (var g = 0; g < dimensions.Length; g++)
        {
            var j = dimensions[g];
            double dm = 0, dq = 0;
            for (var i = 0; i < n; i++)
            {
                var xij = _x[i][j];
                if (double.IsNaN(xij))
                {
                    // An observation where this parameter was inactive is at a fixed distance along it.
                    continue;
                }

                var dk = slope[i] * 2 * lambda[j] * (point[j] - xij);
                dm += dk * _alpha[i];
                dq += dk * v[i];
            }

            meanGradient[g] = dm;
            varianceGradient[g] = -2 * dq;
        }

        return (mean, ClampVariance(scale - q), meanGradient, varianceGradient);
    }

    private double Covariance(double[] a, double[] b) =>
        Hyperparameters.KernelScale * Matern52Kernel.Value(Matern52Kernel.ScaledDistance(a, b, Hyperparameters.InverseSquaredLengthscales, _categorical));

    // Rounding can make σ² − kᵀK⁻¹k slightly negative at an observed point; a tiny floor keeps log σ finite.
    private static double ClampVariance(double variance) => Math.Max(variance, 1e-12);
}
