using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Trials;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class GpSamplerTests
{
    private static readonly GpOptions Quick = new() { Candidates = 256, LocalSearchStarts = 2 };

    private static double Quadratic(IReadOnlyDictionary<string, ParameterValue> p) =>
        Math.Pow(p["x"].AsDouble() - 0.3, 2) + Math.Pow(p["y"].AsDouble() + 0.2, 2);

    private static Study Run(SearchSpace space, ISampler sampler, Func<IReadOnlyDictionary<string, ParameterValue>, double> objective, int trials, MetricGoal goal = MetricGoal.Minimize)
    {
        var study = new Study(space, sampler, NopPruner.Instance, goal);
        for (var i = 0; i < trials; i++)
        {
            var s = study.Ask();
            study.Tell(s.Number, objective(s.Parameters));
        }

        return study;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [Fact]
    public void Gp_gives_the_same_suggestion_for_the_same_seed_and_history()
    {
        var history = Run(Spaces.EveryKind, new GpSampler(3, Quick), Spaces.Objective, 20).Trials;
        var context = new SamplingContext(Spaces.EveryKind, MetricGoal.Minimize, history, history.Length);

        var first = new GpSampler(3, Quick).Sample(context);
        var second = new GpSampler(3, Quick).Sample(context);

        Assert.Equal(first, second);
        Assert.NotEqual(first, new GpSampler(4, Quick).Sample(context));
    }

    [Fact]
    public void Restored_gp_study_asks_exactly_what_the_original_would_have()
    {
        var original = Run(Spaces.Square, new GpSampler(11), Quadratic, 15);
        var restored = new Study(Spaces.Square, new GpSampler(11), NopPruner.Instance, MetricGoal.Minimize, original.Trials);

        var expected = original.Ask();
        var actual = restored.Ask();

        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Parameters, actual.Parameters);
    }

    [Fact]
    public void Gp_suggests_inside_bounds_and_conditions_for_every_distribution_kind()
    {
        var study = Run(Spaces.EveryKind, new GpSampler(1, Quick), Spaces.Objective, 30);

        Assert.All(study.Trials, t => Assert.Empty(Spaces.EveryKind.Check(t.Parameters)));
        Assert.Contains(study.Trials, t => t.Parameters.ContainsKey("beta"));
        Assert.Contains(study.Trials, t => !t.Parameters.ContainsKey("width_2"));
    }

    [Fact]
    public void Gp_respects_integer_steps_log_ranges_and_choices_after_startup()
    {
        var space = new SearchSpace(
        [
            new("units", new IntDistribution(8, 512, log: true)),
            new("channels", new IntDistribution(8, 64, step: 8)),
            new("noise", new FloatDistribution(0, 1, step: 0.125)),
            new("lr", new FloatDistribution(1e-5, 1e-1, log: true)),
            new("act", Spaces.Categorical("relu", "tanh", "gelu")),
        ]);
        double Objective(IReadOnlyDictionary<string, ParameterValue> p) =>
            Math.Pow(Math.Log2(p["units"].AsDouble()) - 6, 2) + Math.Abs(p["channels"].AsDouble() - 40) / 8 + Math.Abs(p["noise"].AsDouble() - 0.375)
            + Math.Pow(Math.Log10(p["lr"].AsDouble()) + 3, 2) + (p["act"].AsString() == "tanh" ? 0 : 1);

        var study = Run(space, new GpSampler(5, Quick), Objective, 30);

        Assert.All(study.Trials, t => Assert.Empty(space.Check(t.Parameters)));
        Assert.All(study.Trials, t => Assert.Equal(ParameterValueKind.Integer, t.Parameters["units"].Kind));
        var best = study.BestTrial!;
        Assert.True(best.Value < 2, $"best {best.Value} at {string.Join(", ", best.Parameters)}");
        Assert.Equal("tanh", best.Parameters["act"].AsString());
    }

    [Fact]
    public void Gp_beats_random_on_branin_and_hartmann6_over_a_fixed_seed_set()
    {
        var branin = new SearchSpace([new("x1", new FloatDistribution(-5, 10)), new("x2", new FloatDistribution(0, 15))]);
        double Branin(IReadOnlyDictionary<string, ParameterValue> p)
        {
            double x1 = p["x1"].AsDouble(), x2 = p["x2"].AsDouble();
            return Math.Pow(x2 - (5.1 / (4 * Math.PI * Math.PI) * x1 * x1) + (5 / Math.PI * x1) - 6, 2) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(x1)) + 10;
        }

        var hartmann = new SearchSpace(Enumerable.Range(0, 6).Select(i => new SearchParameter($"x{i}", new FloatDistribution(0, 1))));
        double Hartmann(IReadOnlyDictionary<string, ParameterValue> p) => Hartmann6.Value([.. Enumerable.Range(0, 6).Select(i => p[$"x{i}"].AsDouble())]);

        foreach (var (space, objective, name) in new[] { (branin, (Func<IReadOnlyDictionary<string, ParameterValue>, double>)Branin, "branin"), (hartmann, Hartmann, "hartmann6") })
        {
            var gp = new List<double>();
            var random = new List<double>();
            for (var seed = 0; seed < 3; seed++)
            {
                gp.Add(Run(space, new GpSampler(seed), objective, 30).BestTrial!.Value!.Value);
                random.Add(Run(space, new RandomSampler(seed), objective, 30).BestTrial!.Value!.Value);
            }

            // Known minima: Branin 0.397887, Hartmann-6 −3.32237. GP must close well over half of random's gap.
            var minimum = name == "branin" ? 0.397887 : -3.32237;
            Assert.True(Median(gp) - minimum < (Median(random) - minimum) / 2, $"{name}: GP median {Median(gp)} vs random {Median(random)}");
        }
    }

    [Fact]
    public void Kriging_believer_makes_consecutive_asks_with_a_running_trial_differ()
    {
        var study = Run(Spaces.Square, new GpSampler(2, Quick), Quadratic, 15);
        var first = study.Ask();
        var second = study.Ask();

        Assert.NotEqual(first.Parameters, second.Parameters);

        // Without the belief the second ask sees the same history (bar the trial number) and lands close to the first.
        double Distance(IReadOnlyDictionary<string, ParameterValue> a, IReadOnlyDictionary<string, ParameterValue> b) =>
            Math.Sqrt(Math.Pow(a["x"].AsDouble() - b["x"].AsDouble(), 2) + Math.Pow(a["y"].AsDouble() - b["y"].AsDouble(), 2));
        double Spread(bool believer)
        {
            var s = Run(Spaces.Square, new GpSampler(2, Quick with { KrigingBeliever = believer }), Quadratic, 15);
            var parallel = Enumerable.Range(0, 4).Select(_ => s.Ask().Parameters).ToList();
            return (from a in parallel from b in parallel where a != b select Distance(a, b)).DefaultIfEmpty(0).Average();
        }

        Assert.True(Spread(believer: true) > 1.5 * Spread(believer: false), $"with belief {Spread(true)}, without {Spread(false)}");
    }

    [Fact]
    public void Failed_cancelled_and_nan_trials_do_not_change_the_suggestion()
    {
        var history = Run(Spaces.Square, new GpSampler(5, Quick), Quadratic, 12).Trials;
        var poisoned = history.AddRange(Enumerable.Range(0, 6).Select(i => new FrozenTrial
        {
            Number = 12 + i,
            State = i switch { 0 or 1 => TrialState.Failed, 2 or 3 => TrialState.Cancelled, _ => TrialState.Completed },
            Parameters = Spaces.Config(("x", 0.3), ("y", -0.2)),
            Value = i >= 4 ? double.NaN : null,
        }));

        var clean = new GpSampler(5, Quick).Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, history, 20));
        var withNoise = new GpSampler(5, Quick).Sample(new SamplingContext(Spaces.Square, MetricGoal.Minimize, poisoned, 20));

        Assert.Equal(clean, withNoise);
    }

    [Fact]
    public void Maximize_goal_moves_towards_large_values()
    {
        var study = Run(Spaces.Square, new GpSampler(4, Quick), p => -Quadratic(p), 25, MetricGoal.Maximize);

        Assert.True(study.BestTrial!.Value > -0.01, $"best {study.BestTrial.Value}");
    }

    [Fact]
    public void A_single_point_space_and_all_equal_values_do_not_throw()
    {
        var point = new SearchSpace([new("x", new FloatDistribution(1, 1)), new("c", new ConstantDistribution(ParameterValue.Of(3L))), new("k", Spaces.Categorical("only"))]);
        var onPoint = Run(point, new GpSampler(1, Quick), _ => 1, 14);
        Assert.All(onPoint.Trials, t => Assert.Empty(point.Check(t.Parameters)));

        var flat = Run(Spaces.EveryKind, new GpSampler(1, Quick), _ => 0.5, 14);
        Assert.All(flat.Trials, t => Assert.Empty(Spaces.EveryKind.Check(t.Parameters)));

        var empty = Run(SearchSpace.Empty, new GpSampler(1, Quick), _ => 0, 12);
        Assert.All(empty.Trials, t => Assert.Empty(t.Parameters));
    }

    [Fact]
    public void Startup_trials_are_random_draws()
    {
        var context = new SamplingContext(Spaces.Square, MetricGoal.Minimize, ImmutableArray<FrozenTrial>.Empty, 0);

        Assert.Equal(new RandomSampler(6).Sample(context), new GpSampler(6).Sample(context));
    }

    [Fact]
    public void Gp_finds_the_good_branch_of_a_conditional_space()
    {
        var space = new SearchSpace(
        [
            new("model", Spaces.Categorical("dense", "vae")),
            new("beta", new FloatDistribution(0.1, 10, log: true), new ParameterCondition("model", Values: [ParameterValue.Of("vae")])),
            new("lr", new FloatDistribution(1e-4, 1e-1, log: true)),
        ]);
        double Objective(IReadOnlyDictionary<string, ParameterValue> p) =>
            Math.Pow(Math.Log10(p["lr"].AsDouble()) + 2, 2) + (p.TryGetValue("beta", out var beta) ? Math.Pow(Math.Log10(beta.AsDouble()), 2) : 0.5);

        var study = Run(space, new GpSampler(8, Quick), Objective, 30);

        Assert.All(study.Trials, t => Assert.Empty(space.Check(t.Parameters)));
        Assert.True(study.BestTrial!.Value < 0.1, $"best {study.BestTrial.Value}");
        Assert.Equal("vae", study.BestTrial.Parameters["model"].AsString());
    }

    [Fact]
    public void Noisy_values_are_absorbed_by_the_noise_term()
    {
        // Every trial's value carries noise of standard deviation 0.05, as a training's validation loss does.
        var noise = new Random(12);
        double Noisy(IReadOnlyDictionary<string, ParameterValue> p) => Quadratic(p) + (0.05 * StandardNormalDraw(noise));

        var study = Run(Spaces.Square, new GpSampler(3, Quick), Noisy, 30);

        Assert.True(study.Trials.Skip(20).Count(t => Quadratic(t.Parameters) < 0.05) >= 5, string.Join(", ", study.Trials.Skip(10).Select(t => Quadratic(t.Parameters).ToString("F3"))));
    }

    private static double StandardNormalDraw(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
