using System.Globalization;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// The one place that decides what <c>method: auto</c> runs: a quasi-random start shared by both models, then a
/// Gaussian process where it pays (few numeric parameters, few trials) and TPE elsewhere.
/// </summary>
/// <remarks>
/// Why these lines: a GP models a smooth response over a handful of numeric parameters better than TPE's
/// independent densities, and learns more from each of the first few dozen trials, which is where a costly
/// training budget is spent. Conditional parameters do not send a space to TPE: our GP treats an inactive
/// parameter as its own point at distance 1 (<see cref="Gp.GpSearchSpace"/>), and on both conditional benchmark
/// functions it beat every TPE variant, ours and Optuna's, at 60 and 100 trials (docs/benchmarks/search.md; Optuna's
/// AutoSampler sends such spaces to TPE). What sets the limits is what we could not measure in GP's favour:
/// spaces mostly of categoricals (a Hamming kernel learns one lengthscale per choice set, with few trials little
/// to learn from), many parameters (lengthscales poorly determined by a few dozen trials), and the fit's n³ cost
/// (our GP takes ≤ 50 ms per ask at 200 trials and ≤ 1 s at 1,000), so past a few hundred trials TPE, whose ask
/// stays in milliseconds, takes over.
/// </remarks>
public static class AutoSamplerPolicy
{
    /// <summary>Fewest quasi-random trials: a model fitted on fewer is mostly guessing (Optuna's TPE start-up is 10 too).</summary>
    public const int MinStartTrials = 10;

    /// <summary>Quasi-random trials per searched parameter, so larger spaces get a wider first look.</summary>
    public const int StartTrialsPerParameter = 2;

    /// <summary>Most quasi-random trials, however many parameters.</summary>
    public const int MaxStartTrials = 25;

    /// <summary>With a trial budget, the start takes at most this share of it (but at least <see cref="MinStartTrialsWithBudget"/>).</summary>
    public const int StartShareOfBudgetDivisor = 3;

    /// <summary>Fewest quasi-random trials whatever the budget.</summary>
    public const int MinStartTrialsWithBudget = 5;

    /// <summary>The trial from which TPE replaces the GP: its n³ fit would make each ask slower than a cheap trial beyond.</summary>
    public const int GpTrialLimit = 250;

    /// <summary>Most searched parameters for the GP: with more, its length scales are poorly determined by a few dozen trials.</summary>
    public const int GpMaxParameters = 20;

    /// <summary>Plans <c>method: auto</c> for <paramref name="space"/> and the budget's <paramref name="maxTrials"/> (null: no trial limit).</summary>
    public static AutoSamplerPlan Plan(SearchSpace space, int? maxTrials)
    {
        var searched = space.Parameters.Where(p => !IsSingleValued(p.Distribution)).ToList();
        var start = StartTrials(searched.Count, maxTrials);
        var conditional = searched.Count(p => p.Condition is not null);
        var categorical = searched.Count(p => p.Distribution is CategoricalDistribution);
        var numeric = searched.Count - categorical;
        if (categorical * 2 > searched.Count)
        {
            return new(start, AutoModel.Tpe, null, $"{Count(categorical, "categorical parameter")} of {Number(searched.Count)}");
        }

        if (searched.Count > GpMaxParameters)
        {
            return new(start, AutoModel.Tpe, null, $"{Count(searched.Count, "parameter")}, more than gp's {Number(GpMaxParameters)}");
        }

        if (maxTrials is { } max && max > GpTrialLimit)
        {
            return new(start, AutoModel.Tpe, null, $"max_trials {Number(max)}, more than gp's {Number(GpTrialLimit)}");
        }

        var parameters = categorical == 0 ? Count(numeric, "numeric parameter") : $"{Count(numeric, "numeric parameter")}, {Number(categorical)} categorical";
        if (conditional > 0)
        {
            parameters += $", {Number(conditional)} conditional";
        }

        return maxTrials is { } m
            ? new(start, AutoModel.Gp, null, $"{parameters}, max_trials {Number(m)}")
            : new(start, AutoModel.Gp, GpTrialLimit, parameters);
    }

    /// <summary>max(10, 2 per parameter), at most 25, and at most a third of a trial budget (at least 5).</summary>
    public static int StartTrials(int searchedParameters, int? maxTrials)
    {
        var start = Math.Clamp(StartTrialsPerParameter * searchedParameters, MinStartTrials, MaxStartTrials);
        return maxTrials is { } max ? Math.Min(start, Math.Max(MinStartTrialsWithBudget, max / StartShareOfBudgetDivisor)) : start;
    }

    internal static bool IsSingleValued(ParameterDistribution distribution) => distribution switch
    {
        ConstantDistribution => true,
        CategoricalDistribution c => c.Choices.Length <= 1,
        FloatDistribution f => f.Low >= f.High,
        IntDistribution i => i.Low >= i.High,
        _ => false,
    };

    private static string Count(int n, string noun) => $"{Number(n)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
