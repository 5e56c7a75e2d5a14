using AeSweep.Core.Search.Constraints;

namespace AeSweep.Core.Search.Samplers.Gp;

// Constraint-aware acquisition: an infeasible configuration scores −∞, so neither the candidate ranking nor the local
// searches can end on one (the feasibility of a configuration is known before training, so it is a filter, not a model).
internal sealed partial class AcquisitionOptimizer
{
    /// <summary>The sweep's constraints; null or empty: every configuration is feasible.</summary>
    public SweepConstraints? Constraints { get; init; }

    private bool IsFeasible(double[] unit) => Constraints is not { IsEmpty: false } constraints || constraints.IsSatisfiedBy(_space.Round(unit).Configuration);

    private double[] WithoutInfeasible(double[] scores, IReadOnlyList<double[]> units)
    {
        if (Constraints is not { IsEmpty: false })
        {
            return scores;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (!IsFeasible(units[i]))
            {
                scores[i] = double.NegativeInfinity;
            }
        }

        return scores;
    }
}
