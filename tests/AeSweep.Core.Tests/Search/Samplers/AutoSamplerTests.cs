using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Trials;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class AutoSamplerTests
{
    private static readonly SearchSpace SixFloats = new(Enumerable.Range(0, 6).Select(i => new SearchParameter($"x{i}", new FloatDistribution(0, 1))));

    private static double Sum(IReadOnlyDictionary<string, ParameterValue> p) => p.Values.Where(v => v.IsNumeric).Sum(v => v.AsDouble());

    /// <summary>A model sampler that says it was asked (a real draw, marked by which slot answered).</summary>
    private sealed class Slot(string name) : ISampler
    {
        public List<int> Asked { get; } = [];

        public string Name { get; } = name;

        public IReadOnlyDictionary<string, ParameterValue> Sample(SamplingContext context)
        {
            Asked.Add(context.TrialNumber);
            return context.Space.SampleRandom(new Random(context.TrialNumber));
        }
    }

    private static (Study Study, Slot Gp, Slot Tpe) Run(SearchSpace space, int? maxTrials, int trials, long seed = 1)
    {
        var gp = new Slot("gp");
        var tpe = new Slot("tpe");
        var sampler = new AutoSampler(seed, AutoSamplerPolicy.Plan(space, maxTrials), gp, tpe);
        var study = new Study(space, sampler, NopPruner.Instance, MetricGoal.Minimize);
        for (var i = 0; i < trials; i++)
        {
            var s = study.Ask();
            study.Tell(s.Number, Sum(s.Parameters));
        }

        return (study, gp, tpe);
    }

    [Fact]
    public void A_small_numeric_space_with_a_small_budget_gets_a_quasi_random_start_then_the_gp()
    {
        var plan = AutoSamplerPolicy.Plan(SixFloats, 60);

        Assert.Equal(new AutoSamplerPlan(12, AutoModel.Gp, null, "6 numeric parameters, max_trials 60"), plan);
        Assert.Equal("auto: quasi-random start (12 trials), then gp (6 numeric parameters, max_trials 60)", plan.Describe());
    }

    [Fact]
    public void The_start_is_quasi_random_and_the_gp_slot_takes_over_after_it()
    {
        var (study, gp, tpe) = Run(SixFloats, 60, 20, seed: 5);

        var start = new QuasiRandomSampler(5);
        for (var t = 0; t < 12; t++)
        {
            Assert.Equal(start.Sample(new SamplingContext(SixFloats, MetricGoal.Minimize, [], t)), study.Trials[t].Parameters);
        }

        Assert.Equal(Enumerable.Range(12, 8), gp.Asked);
        Assert.Empty(tpe.Asked);
    }

    [Fact]
    public void Conditional_spaces_go_to_the_gp_which_measured_better_on_them()
    {
        var plan = AutoSamplerPolicy.Plan(Spaces.EveryKind, 60);
        var (_, gp, tpe) = Run(Spaces.EveryKind, 60, plan.StartTrials + 3);

        Assert.Equal(AutoModel.Gp, plan.Model);
        Assert.Contains("then gp (", plan.Describe(), StringComparison.Ordinal);
        Assert.Contains("4 conditional", plan.Describe(), StringComparison.Ordinal);
        Assert.Equal(3, gp.Asked.Count);
        Assert.Empty(tpe.Asked);
    }

    [Fact]
    public void Categorical_heavy_spaces_go_to_tpe_and_a_few_categoricals_stay_with_the_gp()
    {
        var heavy = new SearchSpace(
        [
            new("act", Spaces.Categorical("relu", "tanh")),
            new("loss", Spaces.Categorical("mse", "l1", "bce")),
            new("code", Spaces.Categorical(2L, 4L, 8L)),
            new("lr", new FloatDistribution(1e-4, 1e-1, log: true)),
            new("epochs", new ConstantDistribution(ParameterValue.Of(10L))),
        ]);
        var light = new SearchSpace([.. SixFloats.Parameters, new("act", Spaces.Categorical("relu", "tanh"))]);

        Assert.Equal(AutoModel.Tpe, AutoSamplerPolicy.Plan(heavy, 40).Model);
        Assert.Equal("auto: quasi-random start (10 trials), then tpe (3 categorical parameters of 4)", AutoSamplerPolicy.Plan(heavy, 40).Describe());
        Assert.Equal(AutoModel.Gp, AutoSamplerPolicy.Plan(light, 40).Model);
    }

    [Fact]
    public void A_large_budget_or_many_parameters_go_to_tpe()
    {
        var many = new SearchSpace(Enumerable.Range(0, AutoSamplerPolicy.GpMaxParameters + 1).Select(i => new SearchParameter($"x{i}", new FloatDistribution(0, 1))));

        Assert.Equal(AutoModel.Tpe, AutoSamplerPolicy.Plan(SixFloats, AutoSamplerPolicy.GpTrialLimit + 1).Model);
        Assert.Equal(AutoModel.Gp, AutoSamplerPolicy.Plan(SixFloats, AutoSamplerPolicy.GpTrialLimit).Model);
        Assert.Equal(AutoModel.Tpe, AutoSamplerPolicy.Plan(many, 100).Model);
    }

    [Fact]
    public void Without_a_trial_limit_the_gp_hands_over_to_tpe_once_the_history_is_long()
    {
        var plan = AutoSamplerPolicy.Plan(SixFloats, null);
        var gp = new Slot("gp");
        var tpe = new Slot("tpe");
        var sampler = new AutoSampler(1, plan, gp, tpe);
        var history = Enumerable.Range(0, AutoSamplerPolicy.GpTrialLimit)
            .Select(n => FrozenTrial.Start(n, SixFloats.SampleRandom(new Random(n))) with { State = TrialState.Completed, Value = n })
            .ToList();

        sampler.Sample(new SamplingContext(SixFloats, MetricGoal.Minimize, history.Take(AutoSamplerPolicy.GpTrialLimit - 1).ToList(), AutoSamplerPolicy.GpTrialLimit - 1));
        sampler.Sample(new SamplingContext(SixFloats, MetricGoal.Minimize, history, AutoSamplerPolicy.GpTrialLimit));

        Assert.Equal(AutoSamplerPolicy.GpTrialLimit, plan.GpUntilTrial);
        Assert.Equal([AutoSamplerPolicy.GpTrialLimit - 1], gp.Asked);
        Assert.Equal([AutoSamplerPolicy.GpTrialLimit], tpe.Asked);
        Assert.EndsWith("then gp (6 numeric parameters) until trial 250, then tpe", plan.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_lasts_until_enough_trials_have_finished_not_merely_been_asked()
    {
        var plan = AutoSamplerPolicy.Plan(SixFloats, 60);
        var gp = new Slot("gp");
        var sampler = new AutoSampler(2, plan, gp, new Slot("tpe"));
        var running = Enumerable.Range(0, 15).Select(n => FrozenTrial.Start(n, SixFloats.SampleRandom(new Random(n)))).ToList();

        var suggestion = sampler.Sample(new SamplingContext(SixFloats, MetricGoal.Minimize, running, 15));

        Assert.Empty(gp.Asked);
        Assert.Equal(new QuasiRandomSampler(2).Sample(new SamplingContext(SixFloats, MetricGoal.Minimize, [], 15)), suggestion);
    }

    [Fact]
    public void The_start_phase_is_shorter_for_small_budgets_and_longer_for_wide_spaces()
    {
        Assert.Equal(10, AutoSamplerPolicy.StartTrials(2, 100));
        Assert.Equal(24, AutoSamplerPolicy.StartTrials(12, 100));
        Assert.Equal(25, AutoSamplerPolicy.StartTrials(40, null));
        Assert.Equal(6, AutoSamplerPolicy.StartTrials(6, 20));
        Assert.Equal(5, AutoSamplerPolicy.StartTrials(6, 6));
    }

    [Fact]
    public void Auto_gives_the_same_suggestion_for_the_same_seed_and_history_in_both_phases()
    {
        foreach (var (space, max) in new[] { (SixFloats, (int?)60), (Spaces.EveryKind, (int?)80) })
        {
            var original = new Study(space, SamplerFactory.Create(SearchMethod.Auto, space, 13, max), NopPruner.Instance, MetricGoal.Minimize);
            for (var i = 0; i < 30; i++)
            {
                var s = original.Ask();
                original.Tell(s.Number, Sum(s.Parameters));
            }

            var restored = new Study(space, SamplerFactory.Create(SearchMethod.Auto, space, 13, max), NopPruner.Instance, MetricGoal.Minimize, original.Trials);
            var expected = original.Ask();
            var actual = restored.Ask();

            Assert.Equal(expected.Parameters, actual.Parameters);

            // The seed matters (checked in the start phase: after 30 trials of this easy objective the model phase of
            // either seed may well settle on the same optimum, a corner of the box).
            Assert.NotEqual(
                new Study(space, SamplerFactory.Create(SearchMethod.Auto, space, 13, max), NopPruner.Instance, MetricGoal.Minimize).Ask().Parameters,
                new Study(space, SamplerFactory.Create(SearchMethod.Auto, space, 14, max), NopPruner.Instance, MetricGoal.Minimize).Ask().Parameters);
        }
    }
}
