namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>
/// The search space as the Gaussian process sees it: one coordinate per parameter that can take more than one
/// value. Numbers map onto [0, 1] (log parameters in log space; integers and stepped floats over their grid
/// widened by half a step at each end, as Optuna does, so every grid value owns an equal share); categoricals
/// are their choice index, compared by the kernel's Hamming term. A parameter that is inactive in a
/// configuration (its condition does not hold) is NaN, which the kernel reads as "at distance 1 from every
/// active value and 0 from another inactive one": two configurations that both lack a parameter agree on it.
/// </summary>
internal sealed class GpSearchSpace
{
    /// <summary>Builds the model view of <paramref name="space"/>.</summary>
    public GpSearchSpace(SearchSpace space)
    {
        Space = space;
        var dimensions = new List<GpDimension>();
        foreach (var parameter in space.Parameters)
        {
            if (ToDimension(parameter) is { } dimension)
            {
                dimensions.Add(dimension);
            }
        }

        Dimensions = [.. dimensions];
        IsCategorical = [.. Dimensions.Select(d => d.Kind == GpDimensionKind.Categorical)];
    }

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>The modelled parameters, in the space's (dependency) order.</summary>
    public GpDimension[] Dimensions { get; }

    /// <summary>Per dimension: compared by the Hamming term.</summary>
    public bool[] IsCategorical { get; }

    /// <summary>The model point of a configuration; null when an active value no longer fits the space (a narrowed resume).</summary>
    public double[]? Encode(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        var point = new double[Dimensions.Length];
        for (var j = 0; j < point.Length; j++)
        {
            if (!configuration.TryGetValue(Dimensions[j].Parameter.Name, out var value))
            {
                point[j] = double.NaN;
                continue;
            }

            point[j] = Dimensions[j].Encode(value);
            if (double.IsNaN(point[j]))
            {
                return null;
            }
        }

        return point;
    }

    /// <summary>
    /// The configuration at unit coordinates <paramref name="u"/> (one per dimension; categoricals by the
    /// share of [0, 1] each choice owns), with conditions applied, and its model point: the rounded values
    /// re-encoded, NaN where inactive. The acquisition is always evaluated on this rounded point.
    /// </summary>
    public (Dictionary<string, ParameterValue> Configuration, double[] Point) Round(double[] u)
    {
        var configuration = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var point = new double[Dimensions.Length];
        var j = 0;
        foreach (var parameter in Space.Parameters)
        {
            var modelled = j < Dimensions.Length && ReferenceEquals(Dimensions[j].Parameter, parameter);
            if (Space.IsActive(parameter, configuration))
            {
                if (modelled)
                {
                    var value = Dimensions[j].Decode(u[j]);
                    configuration[parameter.Name] = value;
                    point[j] = Dimensions[j].Kind == GpDimensionKind.Continuous ? Math.Clamp(u[j], 0, 1) : Dimensions[j].Encode(value);
                }
                else
                {
                    configuration[parameter.Name] = SingleValue(parameter.Distribution);
                }
            }
            else if (modelled)
            {
                point[j] = double.NaN;
            }

            j += modelled ? 1 : 0;
        }

        return (configuration, point);
    }

    /// <summary>Unit coordinates that round to <paramref name="point"/>: the start of a local search from an observed configuration.</summary>
    public double[] ToUnit(double[] point, double[] fallback)
    {
        var u = new double[point.Length];
        for (var j = 0; j < u.Length; j++)
        {
            u[j] = double.IsNaN(point[j]) ? fallback[j]
                : Dimensions[j].Kind == GpDimensionKind.Categorical ? Dimensions[j].CategoryCentre((int)point[j])
                : point[j];
        }

        return u;
    }

    private static GpDimension? ToDimension(SearchParameter parameter)
    {
        switch (parameter.Distribution)
        {
            case CategoricalDistribution c when c.Choices.Length > 1:
                return new GpDimension(parameter, GpDimensionKind.Categorical, 0, 1);
            case FloatDistribution f when f.Low < f.High:
                if (f.Step is > 0 and var step)
                {
                    var (lo, hi) = Widened(f.Low, f.High, step, f.Log);
                    return new GpDimension(parameter, GpDimensionKind.Discrete, lo, hi);
                }

                return f.Log
                    ? new GpDimension(parameter, GpDimensionKind.Continuous, Math.Log(f.Low), Math.Log(f.High))
                    : new GpDimension(parameter, GpDimensionKind.Continuous, f.Low, f.High);
            case PriorDistribution:
                // W&B's priors on their CDF scale, as W&B's own Bayesian search models them.
                return new GpDimension(parameter, GpDimensionKind.Continuous, 0, 1);
            case IntDistribution i when i.Low < i.High:
                var (low, high) = Widened(i.Low, i.High, Math.Max(1, i.Step), i.Log);
                return new GpDimension(parameter, GpDimensionKind.Discrete, low, high);
            default:
                return null;
        }
    }

    private static (double Low, double High) Widened(double low, double high, double step, bool log)
    {
        if (!log)
        {
            return (low - (step / 2), high + (step / 2));
        }

        // In log space half a step below a small lower bound may reach zero; stay at the bound then.
        var widenedLow = low - (step / 2) > 0 ? low - (step / 2) : low;
        return (Math.Log(widenedLow), Math.Log(high + (step / 2)));
    }

    private static ParameterValue SingleValue(ParameterDistribution distribution) => distribution switch
    {
        ConstantDistribution c => c.Value,
        CategoricalDistribution c => c.Choices[0],
        FloatDistribution f => ParameterValue.Of(f.Low),
        IntDistribution i => ParameterValue.Of(i.Low),
        _ => throw new InvalidOperationException("Unknown distribution."),
    };
}
