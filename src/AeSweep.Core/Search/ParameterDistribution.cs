namespace AeSweep.Core.Search;

/// <summary>
/// Where a hyperparameter's values come from. Mirrors Optuna's distributions: float and int
/// ranges (optionally log-scale or stepped), categorical choices, and constants.
/// </summary>
public abstract record ParameterDistribution
{
    /// <summary>Whether <paramref name="value"/> is a value this distribution can produce.</summary>
    public abstract bool Contains(ParameterValue value);

    /// <summary>Draws one value uniformly (in log space where the distribution is log-scale).</summary>
    public abstract ParameterValue Sample(Random random);

    /// <summary>True where the distribution has finitely many values (grid search can enumerate it).</summary>
    public abstract bool IsDiscrete { get; }

    /// <summary>Every value in order, for discrete distributions; throws for continuous ones.</summary>
    public abstract IReadOnlyList<ParameterValue> EnumerateValues();

    /// <summary>Every value this distribution may produce for numeric bounds checks: (min, max) as doubles, or null when non-numeric.</summary>
    public abstract (double Min, double Max)? NumericRange { get; }
}
