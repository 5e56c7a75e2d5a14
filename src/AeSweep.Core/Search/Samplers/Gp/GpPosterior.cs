using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// The Gaussian-process posterior over the objective given observed points and fixed hyperparameters:
/// mean kᵀα and variance σ² − ‖L⁻¹k‖², with K = LLᵀ factorised by MathNet's Cholesky and α = K⁻¹y from its solver.
/// K⁻¹ is never formed (at 1,000 observations that alone would cost more than the whole ask may take); the
/// per-candidate triangular solves run over a row-major copy of L, which is about four times cheaper than
/// MathNet's general two-sided solve on a batch of right-hand sides, the step the ask spends most of its time in.
/// </summary>
internal sealed class GpPosterior
{
    private readonly double[][] _x;
    private readonly bool[] _categorical;
    private readonly double[] _y;
    private readonly double[] _alpha;
    private readonly double[][] _lower;

    /// <summary>Conditions the process on <paramref name="x"/> with (standardised) values <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentException">The kernel matrix is not positive definite (cannot happen with the noise floor in exact arithmetic).</exception>
    public GpPosterior(double[][] x, double[] y, bool[] categorical, GpHyperparameters hyperparameters)
    {
        _x = x;
        _y = y;
        _categorical = categorical;
        Hyperparameters = hyperparameters;
        var n = x.Length;
        var k = new DenseMatrix(n, n);
        var values = k.Values;
        for (var i = 0; i < n; i++)
        {
            values[(i * n) + i] = hyperparameters.KernelScale + hyperparameters.NoiseVariance;
            for (var c = i + 1; c < n; c++)
            {
                values[(i * n) + c] = values[(c * n) + i] = Covariance(x[i], x[c]);
            }
        }

        var cholesky = k.Cholesky();
        _alpha = cholesky.Solve(Vector<double>.Build.DenseOfArray(y)).ToArray();
        var factor = ((DenseMatrix)cholesky.Factor).Values;
        _lower = new double[n][];
        for (var i = 0; i < n; i++)
        {
            _lower[i] = new double[i + 1];
            for (var j = 0; j <= i; j++)
            {
                _lower[i][j] = factor[(j * n) + i];
            }
        }
    }

    /// <summary>The kernel in use.</summary>
    public GpHyperparameters Hyperparameters { get; }

    /// <summary>
    /// The posterior mean at each observed point: y − σₙ²·α, since (K_f + σₙ²I)·α = y. Equal to the values when the
    /// fit found no noise; with noise it is the denoised value, the incumbent a noisy objective should try to beat.
    /// </summary>
    public double[] MeanAtObservations() => [.. _y.Select((v, i) => v - (Hyperparameters.NoiseVariance * _alpha[i]))];

    /// <summary>Posterior mean and variance (of the latent objective, without observation noise) at every point.</summary>
    public (double[] Mean, double[] Variance) Predict(IReadOnlyList<double[]> points)
    {
        var mean = new double[points.Count];
        var variance = new double[points.Count];
        var k = new double[_x.Length];
        var v = new double[_x.Length];
        for (var c = 0; c < points.Count; c++)
        {
            mean[c] = CrossCovariance(points[c], k, null);
            ForwardSolve(k, v);
            variance[c] = ClampVariance(Hyperparameters.KernelScale - Dot(v, v, v.Length));
        }

        return (mean, variance);
    }

    /// <summary>Mean and variance at one point with their gradients along <paramref name="dimensions"/> (continuous, active ones).</summary>
    public (double Mean, double Variance, double[] MeanGradient, double[] VarianceGradient) PredictWithGradient(double[] point, int[] dimensions)
    {
        var n = _x.Length;
        var lambda = Hyperparameters.InverseSquaredLengthscales;
        var k = new double[n];
        var slope = new double[n];
        var mean = CrossCovariance(point, k, slope);
        var v = new double[n];
        ForwardSolve(k, v);
        var variance = Hyperparameters.KernelScale - Dot(v, v, n);
        // w = K⁻¹k = L⁻ᵀv, for dσ²/dx = −2·wᵀ·dk/dx.
        var w = BackSolve(v);

        var meanGradient = new double[dimensions.Length];
        var varianceGradient = new double[dimensions.Length];
        for (var g = 0; g < dimensions.Length; g++)
        {
            var j = dimensions[g];
            if (double.IsNaN(point[j]))
            {
                // Inactive at this point: moving along it changes nothing.
                continue;
            }

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
                dq += dk * w[i];
            }

            meanGradient[g] = dm;
            varianceGradient[g] = -2 * dq;
        }

        return (mean, ClampVariance(variance), meanGradient, varianceGradient);
    }

    // k(X, point) into k (and dk/ds into slope when asked); returns the posterior mean kᵀα.
    private double CrossCovariance(double[] point, double[] k, double[]? slope)
    {
        var lambda = Hyperparameters.InverseSquaredLengthscales;
        var scale = Hyperparameters.KernelScale;
        var mean = 0.0;
        for (var i = 0; i < k.Length; i++)
        {
            var s = Matern52Kernel.ScaledDistance(_x[i], point, lambda, _categorical);
            k[i] = scale * Matern52Kernel.Value(s);
            mean += k[i] * _alpha[i];
            if (slope is not null)
            {
                slope[i] = scale * Matern52Kernel.Derivative(s);
            }
        }

        return mean;
    }

    // Solves L·v = k row by row; each row of L is contiguous.
    private void ForwardSolve(double[] k, double[] v)
    {
        for (var i = 0; i < k.Length; i++)
        {
            var row = _lower[i];
            v[i] = (k[i] - Dot(row, v, i)) / row[i];
        }
    }

    // Solves Lᵀ·w = v by columns of Lᵀ, i.e. rows of L, subtracting each solved component as it is found.
    private double[] BackSolve(double[] v)
    {
        var w = (double[])v.Clone();
        for (var i = w.Length - 1; i >= 0; i--)
        {
            var row = _lower[i];
            w[i] /= row[i];
            var wi = w[i];
            for (var j = 0; j < i; j++)
            {
                w[j] -= row[j] * wi;
            }
        }

        return w;
    }

    private static double Dot(double[] a, double[] b, int length)
    {
        var width = System.Numerics.Vector<double>.Count;
        var sum = System.Numerics.Vector<double>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            sum += new System.Numerics.Vector<double>(a, i) * new System.Numerics.Vector<double>(b, i);
        }

        var total = System.Numerics.Vector.Sum(sum);
        for (; i < length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private double Covariance(double[] a, double[] b) =>
        Hyperparameters.KernelScale * Matern52Kernel.Value(Matern52Kernel.ScaledDistance(a, b, Hyperparameters.InverseSquaredLengthscales, _categorical));

    // Rounding can make σ² − kᵀK⁻¹k slightly negative at an observed point; a tiny floor keeps log σ finite.
    private static double ClampVariance(double variance) => Math.Max(variance, 1e-12);
}
