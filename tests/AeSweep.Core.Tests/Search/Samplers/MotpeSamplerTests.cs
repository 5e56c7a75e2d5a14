using AeSweep.Core.Search;
using AeSweep.Core.Search.MultiObjective;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Trials;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Samplers;

/// <summary>Multi-objective TPE: its split, its suggestions, and that its front beats random search's on ZDT1.</summary>
public sealed class MotpeSamplerTests
{
    private static readonly MetricGoal[] BothMinimised = [MetricGoal.Minimize, MetricGoal.Minimize];

    private static readonly SearchSpace Zdt1Space = new([.. Enumerable.Range(0, 4).Select(i => new SearchParameter($"x{i}", new FloatDistribution(0, 1)))]);

    // ZDT1 (Zitzler, Deb, Thiele 2000): the true front is f2 = 1 − √f1 where x1..x3 = 0.
    private static double[] Zdt1(IReadOnlyDictionary<string, ParameterValue> p)
    {
        var f1 = p["x0"].AsDouble();
        var g = 1 + (9 * Enumerable.Range(1, 3).Average(i => p[$"x{i}"].AsDouble()));
        return [f1, g * (1 - Math.Sqrt(f1 / g))];
    }

    private static Study Run(SearchSpace space, ISampler sampler, Func<IReadOnlyDictionary<string, ParameterValue>, double[]> objectives, int trials)
    {
        var study = new Study(space, sampler, NopPruner.Instance, MetricGoal.Minimize);
        for (var i = 0; i < trials; i++)
        {
            var s = study.Ask();
            var values = objectives(s.Parameters);
            study.Tell(s.Number, TrialState.Completed, values[0], null, values);
        }

        return study;
    }

    private static double FrontHypervolume(Study study) =>
        Hypervolume.Compute([.. study.Trials.Select(t => (IReadOnlyList<double>)[.. t.ObjectiveValues])], [1.1, 5.0]);

    [Fact]
    public void Motpe_front_on_zdt1_dominates_more_than_random_search_with_the_same_budget()
    {
        var motpe = new List<double>();
        var random = new List<double>();
        for (var seed = 0; seed < 8; seed++)
        {
            motpe.Add(FrontHypervolume(Run(Zdt1Space, new MotpeSampler(seed, BothMinimised), Zdt1, 60)));
            random.Add(FrontHypervolume(Run(Zdt1Space, new RandomSampler(seed), Zdt1, 60)));
        }

        // The true front's hypervolume with this reference point is 5.5 − 2/3 ≈ 4.83.
        var text = $"MOTPE [{string.Join(", ", motpe.Select(m => m.ToString("F3")))}], random [{string.Join(", ", random.Select(r => r.ToString("F3")))}]";
        Assert.True(motpe.Average() > random.Average() + 0.2, text);
        Assert.True(motpe.Zip(random).Count(p => p.First > p.Second) >= 6, text);
    }

    [Fact]
    public void Motpe_suggests_valid_configurations_of_a_conditional_and_categorical_space()
    {
        var study = Run(Spaces.EveryKind, new MotpeSampler(5, BothMinimised), p => [Spaces.Objective(p), p["depth"].AsDouble()], 30);

        Assert.All(study.Trials, t => Assert.Empty(Spaces.EveryKind.Check(t.Parameters)));
        Assert.Contains(study.Trials.Skip(10), t => t.Parameters.ContainsKey("beta"));
    }

    [Fact]
    public void Motpe_gives_the_same_suggestion_for_the_same_seed_and_history()
    {
        var history = Run(Zdt1Space, new MotpeSampler(3, BothMinimised), Zdt1, 20).Trials;
        var context = new SamplingContext(Zdt1Space, MetricGoal.Minimize, history, history.Length);

        Assert.Equal(new MotpeSampler(3, BothMinimised).Sample(context), new MotpeSampler(3, BothMinimised).Sample(context));
    }

    [Fact]
    public void The_split_takes_whole_fronts_then_the_hypervolume_best_of_the_overflowing_one()
    {
        // Front 0: (0,4), (1,2), (2,1.9), (4,0) — with room for 3, greedy hypervolume keeps the extremes and (1,2);
        // (2,1.9) adds little next to them. Front 1 (5,5) is left out.
        IReadOnlyList<IReadOnlyList<double>> losses = [[0, 4], [1, 2], [2, 1.9], [4, 0], [5, 5]];

        Assert.Equal([0, 1, 3], MotpeSampler.SplitBelow(losses, 3));
        Assert.Equal([0, 1, 2, 3], MotpeSampler.SplitBelow(losses, 4));
    }
}
