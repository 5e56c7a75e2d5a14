namespace AeSweep.Training.Data;

/// <summary>
/// Generated multichannel sequences for tests and demos (<c>synthetic-sequences</c>): each channel is a sum of two or
/// three sines with random phases — a slow one (amplitude 0.5–1, a quarter to one cycle per sequence: the trend, as
/// sensor series have) and one or two faster, smaller ones (amplitude 0.1–0.4, 1–5 cycles) — plus Gaussian noise
/// (σ = 0.05). A share of the sequences carries one injected anomaly in one channel — a spike (2–3 consecutive steps
/// raised or lowered by 2–3) or a level shift (every step from a random point on moved by 1–1.5) — and is labelled 1;
/// the others are labelled 0. Values are time-major rows (t·C + c), as <see cref="SampleShape.Sequence"/> lays them out.
/// </summary>
public static class SyntheticSequences
{
    private const double NoiseSigma = 0.05;

    public static (float[] Values, byte[] Labels) Generate(int count, int length, int channels, double anomalyShare, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * length * channels];
        var labels = new byte[count];
        var signal = new double[length];
        for (var n = 0; n < count; n++)
        {
            var anomalous = random.NextDouble() < anomalyShare;
            var anomalyChannel = random.Next(channels);
            for (var c = 0; c < channels; c++)
            {
                Array.Clear(signal);
                var sines = 2 + random.Next(2);
                for (var k = 0; k < sines; k++)
                {
                    // A slow component (a quarter to one cycle: the trend) and faster, smaller oscillations.
                    var (amplitude, cycles) = k == 0
                        ? (0.5 + (0.5 * random.NextDouble()), 0.25 + (0.75 * random.NextDouble()))
                        : (0.1 + (0.3 * random.NextDouble()), 1 + (4 * random.NextDouble()));
                    var phase = 2 * Math.PI * random.NextDouble();
                    for (var t = 0; t < length; t++)
                    {
                        signal[t] += amplitude * Math.Sin((2 * Math.PI * cycles * t / length) + phase);
                    }
                }

                for (var t = 0; t < length; t++)
                {
                    signal[t] += NoiseSigma * Gaussian(random);
                }

                if (anomalous && c == anomalyChannel)
                {
                    Inject(signal, random);
                }

                for (var t = 0; t < length; t++)
                {
                    values[((((long)n * length) + t) * channels) + c] = (float)signal[t];
                }
            }

            labels[n] = anomalous ? (byte)1 : (byte)0;
        }

        return (values, labels);
    }

    private static void Inject(double[] signal, Random random)
    {
        var sign = random.Next(2) == 0 ? -1 : 1;
        if (random.Next(2) == 0)
        {
            var width = Math.Min(signal.Length, 2 + random.Next(2));
            var start = random.Next(signal.Length - width + 1);
            var height = sign * (2 + random.NextDouble());
            for (var t = start; t < start + width; t++)
            {
                signal[t] += height;
            }
        }
        else
        {
            var start = random.Next(signal.Length / 4, Math.Max((signal.Length / 4) + 1, signal.Length * 3 / 4));
            var shift = sign * (1 + (0.5 * random.NextDouble()));
            for (var t = start; t < signal.Length; t++)
            {
                signal[t] += shift;
            }
        }
    }

    // Box–Muller: the standard normal from two uniforms.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
