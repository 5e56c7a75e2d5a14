using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Search.Constraints;

/// <summary>
/// Constraint-aware TPE (and multi-objective TPE): whole configurations are drawn from the "good" Parzen estimators,
/// the infeasible ones are dropped, and the feasible one with the highest acquisition Σ log l(x)/g(x) over its
/// parameters is suggested. Optuna's <c>constraints_func</c> learns feasibility from finished trials; here it is known
/// before training, so filtering the candidates is exact and no trial is spent on a configuration that breaks a rule.
/// </summary>
/// <remarks>
/// Unconstrained univariate TPE picks the best candidate of each parameter on its own, which is the best of the
/// Cartesian product of the per-parameter candidates; under constraints the parameters interact, so candidate
/// <c>c</c> of every parameter (or joint group) forms configuration <c>c</c>, and the sum of the per-parameter
/// log-ratios ranks the configurations (the estimators are independent across parameters, so the sum is the
/// log-ratio of the product densities).
/// </remarks>
internal static class ConstrainedAcquisition
{
    /// <summary>How many more candidates than the sampler's EI candidate count are drawn, since some are dropped.</summary>
    public const int CandidateFactor = 8;

    /// <summary>
    /// The feasible configuration with the highest acquisition among <paramref name="count"/> drawn ones; null when
    /// none of them is feasible (the caller's fallback takes over).
    /// </summary>
    /// <param name="space">The search space.</param>
    /// <param name="constraints">The rules.</param>
    /// <param name="random">The ask's seeded generator.</param>
    /// <param name="count">How many configurations to draw.</param>
    /// <param name="estimatorsFor">
    /// For a parameter: the parameters modelled with it (itself, or its joint group) and their "good" (l) and "bad" (g)
    /// Parzen estimators. Called once per unit.
    /// </param>
    public static Dictionary<string, ParameterValue>? BestFeasible(
        SearchSpace space,
        SweepConstraints constraints,
        Random random,
        int count,
        Func<SearchParameter, (IReadOnlyList<SearchParameter> Unit, ParzenEstimator L, ParzenEstimator G)> estimatorsFor)
    {
        var drawn = new Dictionary<string, DrawnUnit>(StringComparer.Ordinal);
        Dictionary<string, ParameterValue>? best = null;
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < count; c++)
        {
            var assignment = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
            var score = 0.0;
            foreach (var parameter in space.Parameters)
            {
                if (assignment.ContainsKey(parameter.Name) || !space.IsActive(parameter, assignment))
                {
                    continue;
                }

                if (TpeSampler.IsSingleValued(parameter.Distribution))
                {
                    assignment[parameter.Name] = parameter.Distribution.Sample(random);
                    continue;
                }

                if (!drawn.TryGetValue(parameter.Name, out var unit))
                {
                    unit = Draw(estimatorsFor(parameter), random, count);
                    foreach (var member in unit.Parameters)
                    {
                        drawn[member.Name] = unit;
                    }
                }

                for (var d = 0; d < unit.Parameters.Count; d++)
                {
                    assignment[unit.Parameters[d].Name] = TpeSampler.ToValue(unit.Parameters[d].Distribution, unit.Candidates[d][c]);
                }

                score += unit.Scores[c];
            }

            if ((best is null || score > bestScore) && constraints.IsSatisfiedBy(assignment))
            {
                best = assignment;
                bestScore = score;
            }
        }

        return best;
    }

    private static DrawnUnit Draw((IReadOnlyList<SearchParameter> Unit, ParzenEstimator L, ParzenEstimator G) estimators, Random random, int count)
    {
        var candidates = estimators.L.Sample(random, count);
        var logL = estimators.L.LogPdf(candidates);
        var logG = estimators.G.LogPdf(candidates);
        var scores = new double[logL.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = logL[i] - logG[i];
        }

        return new DrawnUnit(estimators.Unit, candidates, scores);
    }

    private sealed record DrawnUnit(IReadOnlyList<SearchParameter> Parameters, double[][] Candidates, double[] Scores);
}
