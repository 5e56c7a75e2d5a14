using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Pruners;

/// <summary>Hand-made trial tables for pruner tests.</summary>
internal static class TrialHistory
{
    /// <summary>A trial with values at steps 1, 2, … in order.</summary>
    public static FrozenTrial Trial(int number, TrialState state, params double[] values) => new()
    {
        Number = number,
        State = state,
        Parameters = ImmutableDictionary<string, ParameterValue>.Empty,
        IntermediateValues = values.Select((v, i) => (Step: i + 1, Value: v)).ToImmutableSortedDictionary(x => x.Step, x => x.Value),
        Value = state == TrialState.Completed ? values[^1] : null,
    };

    /// <summary>The context for <paramref name="trial"/> reporting, with <paramref name="others"/> as the rest of the study.</summary>
    public static PruningContext Context(FrozenTrial trial, IEnumerable<FrozenTrial> others, MetricGoal goal = MetricGoal.Minimize) =>
        new(goal, [.. others, trial], trial);
}
