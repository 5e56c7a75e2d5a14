namespace AeSweep.Core.Search.Samplers.Gp;

/// <summary>How the Gaussian process sees one parameter.</summary>
internal enum GpDimensionKind
{
    /// <summary>A float without a step: optimised by gradient.</summary>
    Continuous,

    /// <summary>An integer or stepped float: rounded onto its grid, refined by neighbour moves.</summary>
    Discrete,

    /// <summary>A choice: encoded as its index, compared by the Hamming term of the kernel.</summary>
    Categorical,
}

/// <summary>One modelled parameter: its kind and, for numbers, the (log-)range mapped onto [0, 1].</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Kind">How it is modelled.</param>
/// <param name="Low">Lower end of the range in model space (log for log parameters; half a step below the grid for discrete ones).</param>
/// <param name="High">Upper end of the range in model space.</param>
internal sealed record GpDimension(SearchParameter Parameter, GpDimensionKind Kind, double Low, double High)
{
    /// <summary>Number of choices of a categorical dimension.</summary>
    public int Choices => Parameter.Distribution is CategoricalDistribution c ? c.Choices.Length : 0;

    private bool IsLog => Parameter.Distribution is FloatDistribution { Log: true } or IntDistribution { Log: true };

    /// <summary>The model coordinate of a value: [0, 1] for numbers (clamped), the choice index for categoricals, NaN when it does not fit.</summary>
    public double Encode(ParameterValue value)
    {
        if (Parameter.Distribution is CategoricalDistribution categorical)
        {
            var index = categorical.IndexOf(value);
            return index < 0 ? double.NaN : index;
        }

        if (Parameter.Distribution is PriorDistribution prior)
        {
            return prior.ToUnit(value);
        }

        if (!value.IsNumeric)
        {
            return double.NaN;
        }

        var v = value.AsDouble();
        if (IsLog)
        {
            v = v > 0 ? Math.Log(v) : Low;
        }

        return Math.Clamp((v - Low) / (High - Low), 0, 1);
    }

    /// <summary>The value at unit coordinate <paramref name="u"/>, rounded onto the parameter's grid.</summary>
    public ParameterValue Decode(double u)
    {
        u = Math.Clamp(u, 0, 1);
        switch (Parameter.Distribution)
        {
            case CategoricalDistribution c:
                return c.Choices[Math.Min((int)(u * c.Choices.Length), c.Choices.Length - 1)];
            case IntDistribution i:
                return ParameterValue.Of(i.Quantize(FromModel(u)));
            case PriorDistribution p:
                return p.FromUnit(u);
            case FloatDistribution f:
                return ParameterValue.Of(f.Quantize(FromModel(u)));
            default:
                throw new InvalidOperationException($"{Parameter.Name}: not a modelled distribution");
        }
    }

    /// <summary>The unit coordinate in the middle of a categorical choice, so a decoded index decodes back to itself.</summary>
    public double CategoryCentre(int index) => (index + 0.5) / Choices;

    private double FromModel(double u)
    {
        var v = Low + (u * (High - Low));
        return IsLog ? Math.Exp(v) : v;
    }
}
