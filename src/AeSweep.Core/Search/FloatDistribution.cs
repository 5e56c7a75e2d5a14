namespace AeSweep.Core.Search;

/// <summary>A float range [<see cref="Low"/>, <see cref="High"/>], optionally log-scale or quantized by <see cref="Step"/>.</summary>
public sealed record FloatDistribution : ParameterDistribution
{
    /// <summary>Creates a float range. Validation of the bounds happens in the sweep validator, which knows the field path.</summary>
    public FloatDistribution(double low, double high, bool log = false, double? step = null)
    {
        Low = low;
        High = high;
        Log = log;
        Step = step;
    }

    /// <summary>Lower bound (inclusive).</summary>
    public double Low { get; }

    /// <summary>Upper bound (inclusive).</summary>
    public double High { get; }

    /// <summary>Sample and model in log space.</summary>
    public bool Log { get; }

    /// <summary>Quantization step (W&amp;B's <c>q</c>); values are Low + k·Step.</summary>
    public double? Step { get; }

    /// <inheritdoc />
    public override bool IsDiscrete => Step is > 0;

    /// <inheritdoc />
    public override (double Min, double Max)? NumericRange => (Low, High);

    /// <inheritdoc />
    public override bool Contains(ParameterValue value)
    {
        if (!value.IsNumeric)
        {
            return false;
        }

        var v = value.AsDouble();
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(High - Low));
        if (double.IsNaN(v) || v < Low - tolerance || v > High + tolerance)
        {
            return false;
        }

        if (Step is > 0 and var step)
        {
            var k = (v - Low) / step;
            return Math.Abs(k - Math.Round(k)) < 1e-6;
        }

        return true;
    }

    /// <inheritdoc />
    public override ParameterValue Sample(Random random)
    {
        double v;
        if (Log)
        {
            v = Math.Exp(Math.Log(Low) + (random.NextDouble() * (Math.Log(High) - Math.Log(Low))));
        }
        else
        {
            v = Low + (random.NextDouble() * (High - Low));
        }

        return ParameterValue.Of(Quantize(v));
    }

    /// <summary>Rounds to the step grid (if any) and clamps into the range.</summary>
    public double Quantize(double v)
    {
        if (Step is > 0 and var step)
        {
            v = Low + (Math.Round((v - Low) / step) * step);
            // Avoid 0.30000000000000004 style noise in stored values.
            v = Math.Round(v, 12);
        }

        return Math.Clamp(v, Low, High);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> EnumerateValues()
    {
        if (Step is not > 0 and var step)
        {
            throw new InvalidOperationException("A continuous float range has no finite list of values.");
        }

        var count = (long)Math.Floor(((High - Low) / Step!.Value) + 1e-9) + 1;
        var values = new List<ParameterValue>((int)Math.Min(count, 1_000_000));
        for (long k = 0; k < count && k < 1_000_000; k++)
        {
            values.Add(ParameterValue.Of(Math.Round(Low + (k * Step.Value), 12)));
        }

        return values;
    }
}
