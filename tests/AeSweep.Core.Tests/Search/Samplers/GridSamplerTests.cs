using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Trials;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class GridSamplerTests
{
    private static readonly SearchSpace LayeredSpace = new(
    [
        new("depth", new IntDistribution(1, 3)),
        new("width_1", Spaces.Categorical(64L, 128L), new ParameterCondition("depth", Min: 1)),
        new("width_2", Spaces.Categorical(64L, 128L), new ParameterCondition("depth", Min: 2)),
        new("width_3", Spaces.Categorical(64L, 128L), new ParameterCondition("depth", Min: 3)),
        new("loss", Spaces.Categorical("mse", "l1")),
        new("epochs", new ConstantDistribution(ParameterValue.Of(20L))),
    ]);

    [Fact]
    public void Grid_enumerates_the_conditional_tree_without_duplicates_or_gaps()
    {
        var grid = new GridSampler(LayeredSpace);

        // depth 1: 2 widths; depth 2: 2²; depth 3: 2³ — each times 2 losses.
        Assert.Equal((2 + 4 + 8) * 2, grid.Size);
        Assert.All(grid.Points, p => Assert.Empty(LayeredSpace.Check(p)));
        Assert.Equal(grid.Size, grid.Points.Select(p => string.Join(",", p.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))).Distinct().Count());
        Assert.Equal(2 * 2, grid.Points.Count(p => p["depth"].AsLong() == 1));
    }

    [Fact]
    public void Grid_order_is_deterministic_with_the_last_parameter_varying_fastest()
    {
        var space = new SearchSpace([new("a", Spaces.Categorical(1L, 2L)), new("b", Spaces.Categorical("x", "y"))]);

        var points = new GridSampler(space).Points;

        Assert.Equal(["1x", "1y", "2x", "2y"], points.Select(p => $"{p["a"]}{p["b"]}"));
    }

    [Fact]
    public void Study_on_a_grid_asks_every_point_once_then_is_exhausted()
    {
        var grid = new GridSampler(LayeredSpace);
        var study = new Study(LayeredSpace, grid, NopPruner.Instance, MetricGoal.Minimize);
        var seen = new HashSet<string>();

        while (study.TryAsk(out var s))
        {
            Assert.True(seen.Add(string.Join(",", s.Parameters.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))));
            study.Tell(s.Number, 1.0);
        }

        Assert.Equal(grid.Size, seen.Count);
        Assert.Throws<SearchExhaustedException>(() => study.Ask());
    }

    [Fact]
    public void Grid_resumes_from_the_stored_history_and_does_not_retry_failed_points()
    {
        var grid = new GridSampler(LayeredSpace);
        var first = new Study(LayeredSpace, grid, NopPruner.Instance, MetricGoal.Minimize);
        for (var i = 0; i < 5; i++)
        {
            var s = first.Ask();
            if (i == 2)
            {
                first.Tell(s.Number, TrialState.Failed, reason: "crash");
            }
            else if (i < 4)
            {
                first.Tell(s.Number, i);
            }
        }

        // A restart: a new sampler and study from the stored trials (trial 4 still running).
        var restored = new Study(LayeredSpace, new GridSampler(LayeredSpace), NopPruner.Instance, MetricGoal.Minimize, first.Trials);

        Assert.Equal(grid.Points[5], restored.Ask().Parameters);
        Assert.Equal(grid.Size - 6, grid.Remaining(restored.Trials));
    }

    [Fact]
    public void Grid_rejects_a_continuous_parameter_by_name()
    {
        var space = new SearchSpace([new("depth", new IntDistribution(1, 3)), new("lr", new FloatDistribution(1e-4, 1e-2, log: true))]);

        var error = Assert.Throws<ArgumentException>(() => new GridSampler(space));

        Assert.Contains("'lr'", error.Message, StringComparison.Ordinal);
        Assert.Contains("step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_accepts_a_stepped_float_and_a_shuffle_keeps_the_same_points()
    {
        var space = new SearchSpace([new("q", new FloatDistribution(0, 1, step: 0.25)), new("n", new IntDistribution(1, 3))]);

        var natural = new GridSampler(space);
        var shuffled = new GridSampler(space, shuffleSeed: 7);

        Assert.Equal(15, natural.Size);
        Assert.NotEqual(natural.Points, shuffled.Points);
        Assert.Equal(
            natural.Points.Select(p => $"{p["q"]}/{p["n"]}").Order(),
            shuffled.Points.Select(p => $"{p["q"]}/{p["n"]}").Order());
        Assert.Equal(new GridSampler(space, shuffleSeed: 7).Points, shuffled.Points);
    }
}
