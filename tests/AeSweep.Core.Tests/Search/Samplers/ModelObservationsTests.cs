using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class ModelObservationsTests
{
    private static readonly SearchSpace Space = new([new("x", new FloatDistribution(0, 1))]);

    [Fact]
    public void Without_pruning_the_observations_are_the_completed_trials_final_values()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, [(1, 5.0), (2, 4.0)], value: 3.5),
            Trial(1, TrialState.Running, [(1, 0.1)]),
            Trial(2, TrialState.Failed, [(1, 0.1)]),
            Trial(3, TrialState.Completed, [], value: 2.0),
        };

        var observations = Select(trials, minCount: 1);

        Assert.Equal([(0, 3.5, (int?)null), (3, 2.0, null)], observations.Select(o => (o.Trial.Number, o.Value, o.Budget)));
    }

    [Fact]
    public void With_pruning_every_trial_counts_at_the_largest_step_enough_trials_reached()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, [(1, 9.0), (2, 8.0), (3, 7.0), (4, 6.0)], value: 5.0),
            Trial(1, TrialState.Pruned, [(1, 3.0)]),
            Trial(2, TrialState.Pruned, [(1, 4.0), (2, 2.0), (3, 1.0)]),
            Trial(3, TrialState.Running, [(1, 6.0), (2, 5.5), (3, 5.0)]),
            Trial(4, TrialState.Pruned, [(1, 8.0), (2, 7.5)]),
            Trial(5, TrialState.Cancelled, [(1, 0.5), (2, 0.5), (3, 0.5)]),
        };

        // Four trials reached step 2 (0, 2, 3, 4), three step 3: with four needed, the budget is step 2.
        var observations = Select(trials, minCount: 4);

        Assert.Equal(
            [(0, 8.0, (int?)2), (2, 2.0, 2), (3, 5.5, 2), (4, 7.5, 2)],
            observations.Select(o => (o.Trial.Number, o.Value, o.Budget)));
        Assert.Equal(3, Select(trials, minCount: 3)[0].Budget);
    }

    [Fact]
    public void Enough_completed_trials_fit_on_their_final_values_plus_trials_that_reached_the_full_budget()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, [(1, 9.0), (2, 8.0), (3, 7.0)], value: 6.5),
            Trial(1, TrialState.Completed, [(1, 3.0), (2, 2.0), (3, 1.0)], value: 1.5),
            Trial(2, TrialState.Pruned, [(1, 0.1)]),
            Trial(3, TrialState.Running, [(1, 4.0), (2, 4.0), (3, 4.0)]),
        };

        var observations = Select(trials, minCount: 2);

        // At the completed trials' last step the final value wins over the report there.
        Assert.Equal([(0, 6.5, (int?)3), (1, 1.5, 3), (3, 4.0, 3)], observations.Select(o => (o.Trial.Number, o.Value, o.Budget)));
    }

    [Fact]
    public void A_value_at_a_budget_is_the_last_report_at_or_before_it()
    {
        var sparse = Trial(0, TrialState.Pruned, [(2, 4.0), (4, 3.0)]);

        Assert.Equal(4.0, ModelObservations.ValueAt(sparse, 3));
        Assert.Equal(3.0, ModelObservations.ValueAt(sparse, 4));
        Assert.Null(ModelObservations.ValueAt(sparse, 5));
        Assert.Null(ModelObservations.ValueAt(sparse, 1));
        Assert.Null(ModelObservations.ValueAt(Trial(1, TrialState.Pruned, [(1, double.NaN), (2, 1.0)]), 1));
    }

    [Fact]
    public void Completed_trials_without_reports_count_at_a_budget_past_every_report()
    {
        var trials = new[]
        {
            Trial(0, TrialState.Completed, [], value: 1.0),
            Trial(1, TrialState.Pruned, [(1, 0.1), (2, 0.1)]),
        };

        Assert.Equal([(0, 1.0, (int?)null)], Select(trials, minCount: 1).Select(o => (o.Trial.Number, o.Value, o.Budget)));
        Assert.Equal([(0, 1.0, (int?)2), (1, 0.1, 2)], Select(trials, minCount: 2).Select(o => (o.Trial.Number, o.Value, o.Budget)));
    }

    private static IReadOnlyList<ModelObservation> Select(FrozenTrial[] trials, int minCount) =>
        ModelObservations.Select(new SamplingContext(Space, MetricGoal.Minimize, trials, trials.Length), minCount);

    private static FrozenTrial Trial(int number, TrialState state, (int Step, double Value)[] reports, double? value = null) => new()
    {
        Number = number,
        State = state,
        Parameters = Spaces.Config(("x", 0.5)),
        IntermediateValues = reports.ToImmutableSortedDictionary(r => r.Step, r => r.Value),
        Value = value,
    };
}
