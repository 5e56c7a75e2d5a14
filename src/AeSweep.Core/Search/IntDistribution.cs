namespace AeSweep.Core.Search;

/// <summary>An integer range [<see cref="Low"/>, <see cref="High"/>] with a step, optionally log-scale.</summary>
public sealed record IntDistribution : ParameterDistribution
{
    /// <summary>Creates an integer range.</summary>
    public IntDistribution(long low, long high, bool log = false, long step = 1)
    {
        Low = low;
        High = high;
        Log = log;
        Step = step;
    }

    /// <summary>Lower bound (inclusive).</summary>
    public long Low { get; }

    /// <summary>Upper bound (inclusive).</summary>
    public long High { get; }

    /// <summary>Sample and model in log space.</summary>
    public bool Log { get; }

    /// <summary>Step between allowed values, from <see cref="Low"/>.</summary>
    public long Step { get; }

    /// <inheritdoc />
    public override bool IsDiscrete => true;

    /// <inheritdoc />
    public override (double Min, double Max)? NumericRange => (Low, High);

    /// <inheritdoc />
    public override bool Contains(ParameterValue value)
    {
        if (!value.IsNumeric)
        {
            return false;
        }

        var d = value.AsDouble();
        if (d != Math.Floor(d) || d < Low || d > High)
        {
            return false;
        }

        return ((long)d - Low) % Math.Max(1, Step) == 0;
    }

    /// <inheritdoc />
    public override ParameterValue Sample(Random random)
    {
        if (Log)
        {
            // Uniform in log space over [low - 0.5, high + 0.5] as Optuna does, then rounded.
            var lo = Math.Log(Low - 0.5 + 1e-12 > 0 ? Low - 0.5 : Low);
            var hi = Math.Log(High + 0.5);
            return ParameterValue.Of(Quantize(Math.Exp(lo + (random.NextDouble() * (hi - lo)))));
        }

        var count = ((High - Low) / Math.Max(1, Step)) + 1;
        return ParameterValue.Of(Low + (random.NextInt64(count) * Math.Max(1, Step)));
    }

    /// <summary>Rounds a real number onto the allowed integer grid.</summary>
    public long Quantize(double v)
    {
        var step = Math.Max(1, Step);
        var k = Math.Round((v - Low) / step);
        var result = Low + ((long)k * step);
        var top = Low + ((High - Low) / step * step);
        return Math.Clamp(result, Low, top);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> EnumerateValues()
    {
        var values = new List<ParameterValue>();
        for (var v = Low; v <= High && values.Count < 1_000_000; v += Math.Max(1, Step))
        {
            values.Add(ParameterValue.Of(v));
        }

        return values;
    }
}
