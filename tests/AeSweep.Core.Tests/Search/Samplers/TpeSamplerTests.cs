using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Trials;
using AeSweep.Core.Trials;
using CsCheck;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class TpeSamplerTests
{
    private static double Quadratic(IReadOnlyDictionary<string, ParameterValue> p) =>
        Math.Pow(p["x"].AsDouble() - 0.3, 2) + Math.Pow(p["y"].AsDouble() + 0.2, 2);

    private static Study Run(SearchSpace space, ISampler sampler, Func<IReadOnlyDictionary<string, ParameterValue>, double> objective, int trials)
    {
        var study = new Study(space, sampler, NopPruner.Instance, MetricGoal.Minimize);
        for (var i = 0; i < trials; i++)
        {
            var s = study.Ask();
            study.Tell(s.Number, objective(s.Parameters));
        }

        return study;
    }

    [Fact]
    public void Tpe_gives_the_same_suggestion_for_the_same_seed_and_history()
    {
        var history = Run(Spaces.EveryKind, new TpeSampler(3), Spaces.Objective, 25).Trials;
        var context = new SamplingContext(Spaces.EveryKind, MetricGoal.Minimize, history, history.Length);

        var first = new TpeSampler(3).Sample(context);
        var second = new TpeSampler(3).Sample(context);

        Assert.Equal(first, second);
        Assert.NotEqual(first, new TpeSampler(4).Sample(context));
    }

    [Fact]
    public void A_reused_sampler_suggests_what_a_fresh_one_does_even_across_spaces()
    {
        var history = Run(Spaces.Square, new TpeSampler(8), Quadratic, 20).Trials;
        var narrowed = new SearchSpace([new("x", new FloatDistribution(0, 1)), new("y", new FloatDistribution(-1, 0))]);
        var reused = new TpeSampler(8);

        var first = reused.Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, history, 20));
        var onNarrowed = reused.Sample(new SamplingContext(narrowed, MetricGoal.Minimize, history, 20));

        Assert.Equal(new TpeSampler(8).Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, history, 20)), first);
        Assert.Equal(new TpeSampler(8).Sample(new SamplingContext(narrowed, MetricGoal.Minimize, history, 20)), onNarrowed);
        Assert.Empty(narrowed.Check(onNarrowed));
    }

    [Fact]
    public void Restored_study_asks_exactly_what_the_original_would_have()
    {
        var original = Run(Spaces.EveryKind, new TpeSampler(11), Spaces.Objective, 20);
        var restored = new Study(Spaces.EveryKind, new TpeSampler(11), NopPruner.Instance, MetricGoal.Minimize, original.Trials);

        var expected = original.Ask();
        var actual = restored.Ask();

        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Parameters, actual.Parameters);
    }

    [Fact]
    public void Tpe_suggests_inside_bounds_and_conditions_for_every_distribution_kind()
    {
        foreach (var options in new[] { TpeOptions.Default, new TpeOptions { Multivariate = true }, new TpeOptions { Multivariate = true, Group = true } })
        {
            var study = Run(Spaces.EveryKind, new TpeSampler(1, options), Spaces.Objective, 40);

            Assert.All(study.Trials, t => Assert.Empty(Spaces.EveryKind.Check(t.Parameters)));
            Assert.Contains(study.Trials, t => t.Parameters.ContainsKey("beta"));
            Assert.Contains(study.Trials, t => !t.Parameters.ContainsKey("width_2"));
        }
    }

    [Fact]
    public void Tpe_suggestions_are_valid_for_any_seed() =>
        Gen.Long.Sample(seed =>
        {
            var study = Run(Spaces.EveryKind, new TpeSampler(seed, new TpeOptions { StartupTrials = 3 }), Spaces.Objective, 8);
            Assert.All(study.Trials, t => Assert.Empty(Spaces.EveryKind.Check(t.Parameters)));
        }, iter: 20);

    [Fact]
    public void Tpe_beats_random_on_a_quadratic_over_a_fixed_seed_set()
    {
        var tpe = new List<double>();
        var random = new List<double>();
        for (var seed = 0; seed < 7; seed++)
        {
            tpe.Add(Run(Spaces.Square, new TpeSampler(seed), Quadratic, 40).BestTrial!.Value!.Value);
            random.Add(Run(Spaces.Square, new RandomSampler(seed), Quadratic, 40).BestTrial!.Value!.Value);
        }

        Assert.True(Median(tpe) < Median(random) / 2, $"TPE median {Median(tpe)} vs random {Median(random)}");
    }

    [Fact]
    public void Constant_liar_spreads_parallel_asks()
    {
        double Spread(bool liar)
        {
            var study = Run(Spaces.Square, new TpeSampler(2, new TpeOptions { ConstantLiar = liar }), Quadratic, 30);
            var parallel = Enumerable.Range(0, 8).Select(_ => study.Ask().Parameters).ToList();
            var distances = from a in parallel
                            from b in parallel
                            where a != b
                            select Math.Sqrt(Math.Pow(a["x"].AsDouble() - b["x"].AsDouble(), 2) + Math.Pow(a["y"].AsDouble() - b["y"].AsDouble(), 2));
            return distances.Average();
        }

        Assert.True(Spread(liar: true) > 1.5 * Spread(liar: false), $"with liar {Spread(true)}, without {Spread(false)}");
    }

    [Fact]
    public void Failed_and_cancelled_trials_do_not_change_the_suggestion()
    {
        var history = Run(Spaces.Square, new TpeSampler(5), Quadratic, 20).Trials;
        var poisoned = history.AddRange(Enumerable.Range(0, 10).Select(i => new FrozenTrial
        {
            Number = 20 + i,
            State = i % 2 == 0 ? TrialState.Failed : TrialState.Cancelled,
            Parameters = Spaces.Config(("x", 0.3), ("y", -0.2)),
        }));
        var sampler = new TpeSampler(5);

        var clean = sampler.Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, history, 40));
        var withFailures = sampler.Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, poisoned, 40));

        Assert.Equal(clean, withFailures);
    }

    [Fact]
    public void Pruned_trials_count_by_their_last_intermediate_value_after_every_completed_trial()
    {
        // Ten completed trials near x = 0.9 are the good ones; many pruned trials near x = -0.9 report
        // tiny intermediate values but must still rank after every completed trial.
        var trials = new List<FrozenTrial>();
        for (var i = 0; i < 10; i++)
        {
            trials.Add(Trial(i, TrialState.Completed, 0.9 - (0.01 * i), value: 1.0 + i));
        }

        for (var i = 10; i < 40; i++)
        {
            trials.Add(Trial(i, TrialState.Pruned, -0.9 + (0.01 * (i - 10)), value: null, intermediate: 0.001));
        }

        var space = new SearchSpace([new("x", new FloatDistribution(-1, 1))]);
        var sampler = new TpeSampler(0);
        var suggestions = Enumerable.Range(40, 20).Select(n => sampler.Sample(new SamplingContext(space, MetricGoal.Minimize, trials, n))["x"].AsDouble()).ToList();

        Assert.True(Median(suggestions) > 0.3, $"median suggestion {Median(suggestions)}");
    }

    [Fact]
    public void Pruned_trials_that_did_well_at_a_rung_draw_the_model_to_their_region()
    {
        var (space, trials) = PrunedAtRungThreeHistory();
        var sampler = new TpeSampler(0);
        var suggestions = Enumerable.Range(trials.Count, 20).Select(n => sampler.Sample(new SamplingContext(space, MetricGoal.Minimize, trials, n))["x"].AsDouble()).ToList();

        Assert.True(Median(suggestions) < -0.5, $"median suggestion {Median(suggestions)}");
    }

    [Fact]
    public void Optunas_ranking_of_pruned_trials_stays_available()
    {
        var (space, trials) = PrunedAtRungThreeHistory();
        var sampler = new TpeSampler(0, new TpeOptions { LearnFromPrunedTrials = false });
        var suggestions = Enumerable.Range(trials.Count, 20).Select(n => sampler.Sample(new SamplingContext(space, MetricGoal.Minimize, trials, n))["x"].AsDouble()).ToList();

        Assert.True(Median(suggestions) > 0.3, $"median suggestion {Median(suggestions)}");
    }

    [Fact]
    public void Restored_study_with_pruned_trials_asks_exactly_what_the_original_would_have()
    {
        var original = new Study(Spaces.Square, new TpeSampler(5), new SuccessiveHalvingPruner(1, 3), MetricGoal.Minimize);
        for (var i = 0; i < 30; i++)
        {
            var s = original.Ask();
            var target = Quadratic(s.Parameters);
            var pruned = false;
            for (var step = 1; step <= 9 && !pruned; step++)
            {
                // Curves that cross: a trial's rank at step 1 is not its rank at step 9.
                var value = target + ((1 + (i % 3)) * Math.Exp(-step / (1.0 + (i % 4))));
                pruned = original.Report(s.Number, step, value) == TrialDecision.Prune;
                if (pruned)
                {
                    original.Tell(s.Number, TrialState.Pruned);
                }
                else if (step == 9)
                {
                    original.Tell(s.Number, value);
                }
            }
        }

        Assert.Contains(original.Trials, t => t.State == TrialState.Pruned);
        var restored = new Study(Spaces.Square, new TpeSampler(5), new SuccessiveHalvingPruner(1, 3), MetricGoal.Minimize, original.Trials);

        var expected = original.Ask();
        var actual = restored.Ask();

        Assert.Equal(expected.Parameters, actual.Parameters);
        Assert.Equal(new TpeSampler(5).Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, original.Trials.SkipLast(1).ToList(), expected.Number)), expected.Parameters);
    }

    [Fact]
    public void Maximize_goal_moves_towards_large_values()
    {
        var space = new SearchSpace([new("x", new FloatDistribution(0, 10))]);
        var study = new Study(space, new TpeSampler(9), NopPruner.Instance, MetricGoal.Maximize);
        for (var i = 0; i < 40; i++)
        {
            var s = study.Ask();
            study.Tell(s.Number, s.Parameters["x"].AsDouble());
        }

        Assert.True(study.Trials.Skip(30).Average(t => t.Parameters["x"].AsDouble()) > 7);
    }

    [Fact]
    public void Group_requires_multivariate() =>
        Assert.Throws<ArgumentException>(() => new TpeSampler(0, new TpeOptions { Group = true }));

    // Four trials near x = 0.75 ran to the end; of thirty pruned at step 3, ten near x = -0.8 were far better there
    // than the completed ones had been at step 3. Optuna ranks every completed trial first; BOHB ranks at step 3.
    private static (SearchSpace Space, List<FrozenTrial> Trials) PrunedAtRungThreeHistory()
    {
        var trials = new List<FrozenTrial>();
        for (var i = 0; i < 4; i++)
        {
            trials.Add(Curve(i, TrialState.Completed, 0.6 + (0.1 * i), atThree: 2.0 + (0.1 * i), final: 1.0 + (0.1 * i)));
        }

        for (var i = 4; i < 34; i++)
        {
            var good = i % 3 == 0;
            var x = good ? -0.95 + (0.01 * (i / 3)) : -0.5 + (0.03 * i);
            trials.Add(Curve(i, TrialState.Pruned, x, atThree: good ? 0.5 : 3.0, final: null));
        }

        return (new SearchSpace([new("x", new FloatDistribution(-1, 1))]), trials);
    }

    private static FrozenTrial Curve(int number, TrialState state, double x, double atThree, double? final) => new()
    {
        Number = number,
        State = state,
        Parameters = Spaces.Config(("x", x)),
        Value = final ?? atThree,
        IntermediateValues = Enumerable.Range(1, final is null ? 3 : 9)
            .ToImmutableSortedDictionary(step => step, step => step == 3 ? atThree : atThree + (1.0 / step) - (1.0 / 3)),
    };

    private static FrozenTrial Trial(int number, TrialState state, double x, double? value, double? intermediate = null) => new()
    {
        Number = number,
        State = state,
        Parameters = Spaces.Config(("x", x)),
        Value = value,
        IntermediateValues = intermediate is { } v ? ImmutableSortedDictionary<int, double>.Empty.Add(3, v) : ImmutableSortedDictionary<int, double>.Empty,
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
    }
}
