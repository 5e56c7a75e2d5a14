using System.Numerics;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// A mixture of one truncated-normal (numeric) or smoothed-count (categorical) kernel per observation
/// plus a prior kernel, over one or more parameters — Optuna 3.x's <c>_ParzenEstimator</c>. In the
/// multivariate case a kernel spans all parameters, so component <c>j</c> is the product of its
/// per-parameter parts and the mixture keeps the correlations between parameters of good trials.
/// </summary>
internal sealed class ParzenEstimator
{
    private const double Sigma0Magnitude = 0.2;

    private readonly Dimension[] _dimensions;
    private readonly double[] _cumulativeWeights;
    private readonly double[] _logWeights;

    /// <param name="distributions">The modelled parameters (non-constant).</param>
    /// <param name="observations">Per parameter, the observed values in trial order: numbers as they are, categorical choices as indices.</param>
    /// <param name="multivariate">Use the multivariate bandwidth rule (Scott-like, from the number of observations).</param>
    /// <param name="options">Prior, clipping and endpoint settings.</param>
    /// <param name="observationWeights">
    /// One weight per observation instead of <see cref="DefaultWeights"/> (multi-objective TPE weighs the good trials by
    /// their hypervolume contribution); null: the default.
    /// </param>
    public ParzenEstimator(
        IReadOnlyList<ParameterDistribution> distributions,
        IReadOnlyList<double[]> observations,
        bool multivariate,
        TpeOptions options,
        IReadOnlyList<double>? observationWeights = null)
    {
        var n = observations.Count == 0 ? 0 : observations[0].Length;
        var considerPrior = options.ConsiderPrior || n == 0;
        var m = considerPrior ? n + 1 : n;

        var weights = new double[m];
        if (observationWeights is not null && observationWeights.Count != n)
        {
            throw new ArgumentException("One weight per observation.", nameof(observationWeights));
        }

        (observationWeights?.ToArray() ?? DefaultWeights(n)).CopyTo(weights, 0);
        if (considerPrior)
        {
            weights[n] = options.PriorWeight;
        }

        var total = weights.Sum();
        _logWeights = new double[m];
        _cumulativeWeights = new double[m];
        var running = 0.0;
        for (var j = 0; j < m; j++)
        {
            weights[j] /= total;
            _logWeights[j] = Math.Log(weights[j]);
            running += weights[j];
            _cumulativeWeights[j] = running;
        }

        double? sigma0 = multivariate ? Sigma0Magnitude * Math.Pow(Math.Max(n, 1), -1.0 / (distributions.Count + 4)) : null;
        _dimensions = new Dimension[distributions.Count];
        for (var d = 0; d < distributions.Count; d++)
        {
            _dimensions[d] = distributions[d] is CategoricalDistribution categorical
                ? new CategoricalDimension(categorical, observations[d], considerPrior, options.PriorWeight)
                : new NumericDimension(distributions[d], observations[d], considerPrior, sigma0, options);
        }
    }

    /// <summary>Number of mixture components (observations, plus the prior).</summary>
    public int Components => _logWeights.Length;

    /// <summary>Optuna's default observation weights: flat for the newest 25, a linear ramp down for older ones.</summary>
    public static double[] DefaultWeights(int n)
    {
        if (n < 25)
        {
            return Enumerable.Repeat(1.0, n).ToArray();
        }

        var w = new double[n];
        var ramp = n - 25;
        for (var i = 0; i < ramp; i++)
        {
            // np.linspace(1/n, 1, num=ramp)
            w[i] = ramp == 1 ? 1.0 / n : (1.0 / n) + (i * (1 - (1.0 / n)) / (ramp - 1));
        }

        for (var i = ramp; i < n; i++)
        {
            w[i] = 1;
        }

        return w;
    }

    /// <summary>Draws <paramref name="size"/> points: a component by weight, then each parameter from that component.</summary>
    /// <returns>Per parameter, the drawn values (numbers already rounded onto the parameter's grid; categorical indices).</returns>
    public double[][] Sample(Random random, int size)
    {
        var active = new int[size];
        for (var i = 0; i < size; i++)
        {
            var u = random.NextDouble();
            var j = Array.BinarySearch(_cumulativeWeights, u);
            j = j < 0 ? ~j : j + 1;
            active[i] = Math.Min(j, _cumulativeWeights.Length - 1);
        }

        var samples = new double[_dimensions.Length][];
        for (var d = 0; d < _dimensions.Length; d++)
        {
            samples[d] = _dimensions[d].Sample(random, active);
        }

        return samples;
    }

    /// <summary>The log density of the mixture at each point of <paramref name="samples"/> (as <see cref="Sample"/> returns them).</summary>
    public double[] LogPdf(double[][] samples)
    {
        var size = samples[0].Length;
        var m = _logWeights.Length;
        var result = new double[size];
        if (_dimensions.Length == 1 && _dimensions[0] is CategoricalDimension only)
        {
            // One categorical parameter: the mixture collapses to one probability per choice.
            var mixture = only.MixtureProbabilities(_logWeights);
            for (var i = 0; i < size; i++)
            {
                result[i] = Math.Log(mixture[(int)samples[0][i]]);
            }

            return result;
        }

        // Row by row with one reusable buffer: a size × components table would be a large-object-heap
        // allocation per call at a thousand trials.
        var row = new double[m];
        for (var i = 0; i < size; i++)
        {
            _logWeights.CopyTo(row, 0);
            for (var d = 0; d < _dimensions.Length; d++)
            {
                _dimensions[d].AddLogPdf(samples[d][i], row);
            }

            result[i] = LogSumExp(row);
        }

        return result;
    }

    // log Σ exp(row) with the largest term factored out. Vector.Exp is several times faster than a
    // scalar loop, which matters with a thousand components × 24 candidates × every parameter per ask.
    private static double LogSumExp(double[] row)
    {
        var width = Vector<double>.Count;
        var max = double.NegativeInfinity;
        foreach (var v in row)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return double.NegativeInfinity;
        }

        // Far kernels give terms of −10⁴ and less; clamping them at −700 (exp ≈ 1e−304, nothing next to
        // the largest term's 1) keeps Vector.Exp off its slow path for out-of-range lanes.
        var maxVector = new Vector<double>(max);
        var floor = new Vector<double>(-700);
        var sum = Vector<double>.Zero;
        var j = 0;
        for (; j <= row.Length - width; j += width)
        {
            sum += Vector.Exp(Vector.Max(new Vector<double>(row, j) - maxVector, floor));
        }

        var total = Vector.Sum(sum);
        for (; j < row.Length; j++)
        {
            total += Math.Exp(row[j] - max);
        }

        return Math.Log(total) + max;
    }

    private abstract class Dimension
    {
        public abstract double[] Sample(Random random, int[] active);

        /// <summary>Adds this parameter's log density at <paramref name="sample"/> to each component's entry of <paramref name="row"/>.</summary>
        public abstract void AddLogPdf(double sample, double[] row);
    }

    private sealed class CategoricalDimension : Dimension
    {
        private readonly int _choices;
        private readonly double[] _probabilities; // [component, choice]

        public CategoricalDimension(CategoricalDistribution distribution, double[] observations, bool considerPrior, double priorWeight)
        {
            var n = observations.Length;
            _choices = distribution.Choices.Length;
            var m = considerPrior ? n + 1 : n;
            var fill = considerPrior ? priorWeight / (n + 1) : priorWeight / n;
            _probabilities = new double[m * _choices];
            Array.Fill(_probabilities, fill);
            for (var i = 0; i < n; i++)
            {
                _probabilities[(i * _choices) + (int)observations[i]] += 1;
            }

            for (var j = 0; j < m; j++)
            {
                var row = _probabilities.AsSpan(j * _choices, _choices);
                var sum = 0.0;
                foreach (var p in row)
                {
                    sum += p;
                }

                foreach (ref var p in row)
                {
                    p /= sum;
                }
            }
        }

        public double[] MixtureProbabilities(double[] logWeights)
        {
            var mixture = new double[_choices];
            for (var j = 0; j < logWeights.Length; j++)
            {
                var w = Math.Exp(logWeights[j]);
                for (var k = 0; k < _choices; k++)
                {
                    mixture[k] += w * _probabilities[(j * _choices) + k];
                }
            }

            return mixture;
        }

        public override double[] Sample(Random random, int[] active)
        {
            var result = new double[active.Length];
            for (var i = 0; i < active.Length; i++)
            {
                var u = random.NextDouble();
                var row = _probabilities.AsSpan(active[i] * _choices, _choices);
                var cumulative = 0.0;
                var k = 0;
                // Optuna counts the choices whose cumulative probability is below u.
                for (; k < _choices - 1; k++)
                {
                    cumulative += row[k];
                    if (cumulative >= u)
                    {
                        break;
                    }
                }

                result[i] = k;
            }

            return result;
        }

        public override void AddLogPdf(double sample, double[] row)
        {
            var k = (int)sample;
            for (var j = 0; j < row.Length; j++)
            {
                row[j] += Math.Log(_probabilities[(j * _choices) + k]);
            }
        }
    }

    private sealed class NumericDimension : Dimension
    {
        private readonly ParameterDistribution _distribution;
        private readonly bool _log;
        private readonly double _low;
        private readonly double _high;
        private readonly double? _q;
        private readonly double[] _mus;
        private readonly double[] _sigmas;
        private readonly double[] _inverseSigmas;
        // Continuous: log σ + log √(2π) + log P(accept); discrete: log P(accept). Per component, computed once.
        private readonly double[] _logNormalizers;


        public NumericDimension(ParameterDistribution distribution, double[] observations, bool considerPrior, double? sigma0, TpeOptions options)
        {
            _distribution = distribution;
            (_log, _low, _high, _q) = ParzenBounds(distribution);
            var n = observations.Length;
            var m = considerPrior ? n + 1 : n;
            _mus = new double[m];
            for (var i = 0; i < n; i++)
            {
                _mus[i] = _log ? Math.Log(observations[i]) : observations[i];
            }

            var range = _high - _low;
            if (considerPrior)
            {
                _mus[n] = 0.5 * (_low + _high);
            }

            _sigmas = new double[m];
            if (sigma0 is { } s0)
            {
                Array.Fill(_sigmas, s0 * range);
            }
            else
            {
                UnivariateBandwidths(_mus, _sigmas, _low, _high, options.ConsiderEndpoints);
            }

            var minSigma = options.ConsiderMagicClip ? range / Math.Min(100.0, 1.0 + m) : 1e-12;
            for (var j = 0; j < m; j++)
            {
                _sigmas[j] = Math.Clamp(_sigmas[j], minSigma, range);
            }

            if (considerPrior)
            {
                _sigmas[n] = range;
            }

            _logNormalizers = new double[m];
            _inverseSigmas = new double[m];
            for (var j = 0; j < m; j++)
            {
                _inverseSigmas[j] = 1 / _sigmas[j];
                var logAccept = StandardNormal.LogGaussMass((_low - _mus[j]) / _sigmas[j], (_high - _mus[j]) / _sigmas[j]);
                _logNormalizers[j] = _q is null ? (options.NormalizedKernels ? Math.Log(_sigmas[j]) : 0) + 0.91893853320467274178 + logAccept : logAccept;
            }
        }

        public override double[] Sample(Random random, int[] active)
        {
            var result = new double[active.Length];
            for (var i = 0; i < active.Length; i++)
            {
                var j = active[i];
                var a = (_low - _mus[j]) / _sigmas[j];
                var b = (_high - _mus[j]) / _sigmas[j];
                var x = (StandardNormal.TruncatedQuantile(random.NextDouble(), a, b) * _sigmas[j]) + _mus[j];
                result[i] = FromModelSpace(x);
            }

            return result;
        }

        public override void AddLogPdf(double sample, double[] row)
        {
            var x = _log ? Math.Log(sample) : sample;
            if (_q is { } q)
            {
                var upper = Math.Min(x + (q / 2), _high);
                var lower = Math.Max(x - (q / 2), _low);
                for (var j = 0; j < row.Length; j++)
                {
                    row[j] += StandardNormal.LogGaussMass((lower - _mus[j]) * _inverseSigmas[j], (upper - _mus[j]) * _inverseSigmas[j]) - _logNormalizers[j];
                }

                return;
            }

            // −½·((x − μⱼ)/σⱼ)² − cⱼ for every component, a vector at a time.
            var span = row.AsSpan();
            var j0 = 0;
            var xv = new Vector<double>(x);
            var minusHalf = new Vector<double>(-0.5);
            for (; j0 <= span.Length - Vector<double>.Count; j0 += Vector<double>.Count)
            {
                var z = (xv - new Vector<double>(_mus, j0)) * new Vector<double>(_inverseSigmas, j0);
                (new Vector<double>(span[j0..]) + (minusHalf * z * z) - new Vector<double>(_logNormalizers, j0)).CopyTo(span[j0..]);
            }

            for (; j0 < span.Length; j0++)
            {
                var z = (x - _mus[j0]) * _inverseSigmas[j0];
                span[j0] += (-0.5 * z * z) - _logNormalizers[j0];
            }
        }

        // Optuna's _calculate_parzen_bounds: stepped and integer ranges widen by half a step so the end values get a full cell.
        private static (bool Log, double Low, double High, double? Q) ParzenBounds(ParameterDistribution distribution) => distribution switch
        {
            FloatDistribution { Log: true } f => (true, Math.Log(f.Low), Math.Log(f.High), null),
            FloatDistribution { Step: > 0 } f => (false, f.Low - (0.5 * f.Step!.Value), TopOf(f) + (0.5 * f.Step!.Value), f.Step),
            FloatDistribution f => (false, f.Low, f.High, null),
            IntDistribution { Log: true } i => (true, Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), null),
            IntDistribution i => (false, i.Low - (0.5 * Math.Max(1, i.Step)), i.Quantize(i.High) + (0.5 * Math.Max(1, i.Step)), Math.Max(1, i.Step)),
            PriorDistribution => (false, 0, 1, null),
            _ => throw new ArgumentException($"TPE cannot model {distribution.GetType().Name}", nameof(distribution)),
        };

        private static double TopOf(FloatDistribution f) => f.Low + (Math.Floor(((f.High - f.Low) / f.Step!.Value) + 1e-9) * f.Step.Value);

        private double FromModelSpace(double x) => _distribution switch
        {
            FloatDistribution f => f.Quantize(_log ? Math.Exp(x) : x),
            IntDistribution i => i.Quantize(_log ? Math.Round(Math.Exp(x)) : x),
            _ => x,
        };

        // Optuna's univariate rule: each kernel is as wide as the larger gap to its sorted neighbours
        // (range ends included), except the outermost ones, which look inwards only.
        private static int[] SortedOrder(double[] mus, int count)
        {
            var order = new int[count];
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            Array.Sort(mus[..count], order);
            return order;
        }

        private static void UnivariateBandwidths(double[] mus, double[] sigmas, double low, double high, bool considerEndpoints)
        {
            var m = mus.Length;
            var order = SortedOrder(mus, m);
            var keys = new double[m];
            for (var i = 0; i < m; i++)
            {
                keys[i] = mus[order[i]];
            }

            var padded = new double[m + 2];
            padded[0] = low;
            keys.CopyTo(padded, 1);
            padded[m + 1] = high;
            var sorted = new double[m];
            for (var i = 0; i < m; i++)
            {
                sorted[i] = Math.Max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]);
            }

            if (!considerEndpoints && padded.Length >= 4)
            {
                sorted[0] = padded[2] - padded[1];
                sorted[m - 1] = padded[m] - padded[m - 1];
            }

            for (var i = 0; i < m; i++)
            {
                sigmas[order[i]] = sorted[i];
            }
        }
    }
}
