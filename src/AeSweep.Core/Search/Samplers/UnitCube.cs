namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Maps a coordinate of the unit interval onto a parameter's values the way a uniform draw would: linear or
/// logarithmic for ranges, equal-width cells for integers, steps and categorical choices.
/// </summary>
internal static class UnitCube
{
    /// <summary>The value at <paramref name="u"/> ∈ [0, 1) of <paramref name="distribution"/>.</summary>
    public static ParameterValue ToValue(ParameterDistribution distribution, double u) => distribution switch
    {
        ConstantDistribution c => c.Value,
        // A W&B prior maps u through its quantile function: a uniform u is a draw from the prior.
        PriorDistribution p => p.FromUnit(u),
        CategoricalDistribution c => c.Choices[Cell(u, c.Choices.Length)],
        FloatDistribution { Log: true } f => ParameterValue.Of(f.Quantize(Math.Exp(Lerp(Math.Log(f.Low), Math.Log(f.High), u)))),
        FloatDistribution { Step: > 0 } f => ParameterValue.Of(f.Quantize(f.Low + (Cell(u, (long)Math.Floor(((f.High - f.Low) / f.Step!.Value) + 1e-9) + 1) * f.Step.Value))),
        FloatDistribution f => ParameterValue.Of(f.Quantize(Lerp(f.Low, f.High, u))),
        // As IntDistribution.Sample: log-uniform over [low − ½, high + ½], then rounded, so the end values get their share.
        IntDistribution { Log: true } i => ParameterValue.Of(i.Quantize(Math.Exp(Lerp(Math.Log(i.Low - 0.5 + 1e-12 > 0 ? i.Low - 0.5 : i.Low), Math.Log(i.High + 0.5), u)))),
        IntDistribution i => ParameterValue.Of(i.Low + (Cell(u, ((i.High - i.Low) / Math.Max(1, i.Step)) + 1) * Math.Max(1, i.Step))),
        _ => throw new ArgumentException($"No unit-cube mapping for {distribution.GetType().Name}", nameof(distribution)),
    };

    private static double Lerp(double low, double high, double u) => low + (u * (high - low));

    private static int Cell(double u, int count) => (int)Cell(u, (long)count);

    private static long Cell(double u, long count) => Math.Min((long)Math.Floor(u * count), count - 1);
}
