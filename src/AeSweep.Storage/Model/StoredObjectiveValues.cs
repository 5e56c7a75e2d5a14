using System.Collections.Immutable;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>
/// A completed trial's values of a multi-objective sweep's objectives, as stored among its final metrics (the policy
/// added the ones taken from parameters when it judged the trial). One reading for the coordinator's study and the
/// warm start's import, so both hand the sampler the same values.
/// </summary>
public static class StoredObjectiveValues
{
    /// <summary>The values in the order of <see cref="SweepDefinition.Objectives"/>; empty when not multi-objective, not completed, or one is missing.</summary>
    public static ImmutableArray<double> Of(SweepDefinition definition, TrialSnapshot trial)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(trial);
        if (!definition.IsMultiObjective || trial.State != TrialState.Completed || trial.FinalMetrics is not { } metrics)
        {
            return [];
        }

        var values = new double[definition.Objectives.Count];
        for (var k = 0; k < values.Length; k++)
        {
            if (!metrics.TryGetValue(definition.Objectives[k].Name, out values[k]))
            {
                return [];
            }
        }

        return [.. values];
    }
}
