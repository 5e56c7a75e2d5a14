using System.Collections.Immutable;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Search.WarmStart;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.WarmStart;

/// <summary>
/// <c>warm_start:</c>: which earlier trials are imported (and which skipped), and that they really drive a model
/// sampler's first suggestions while staying out of the sweep's own trials.
/// </summary>
public sealed class WarmStartTests
{
    private const string Sweep = """
        name: warm
        program: {ask_tell: true}
        method: tpe
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
          y: {min: 0.0, max: 1.0}
        budget: {max_trials: 40}
        constraints: ["x + y <= 1.5"]
        warm_start: {from_sweeps: [earlier]}
        """;

    private static readonly MetricSpec Loss = new("loss", MetricGoal.Minimize);

    private static SweepDefinition Definition(string method = "tpe") =>
        SweepDefinitionParser.Parse(Sweep.Replace("method: tpe", $"method: {method}", StringComparison.Ordinal)).Definition
        ?? throw new InvalidOperationException(string.Join("; ", SweepDefinitionParser.Parse(Sweep).Errors));

    // A bowl with its minimum at (0.8, 0.2).
    private static double Bowl(double x, double y) => ((x - 0.8) * (x - 0.8)) + ((y - 0.2) * (y - 0.2));

    private static FrozenTrial Completed(int number, double x, double y, double? value = null) =>
        FrozenTrial.Start(number, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(x), ["y"] = ParameterValue.Of(y) }) with
        {
            State = TrialState.Completed,
            Value = value ?? Bowl(x, y),
        };

    private static List<FrozenTrial> EarlierTrials(int count, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Completed(i, random.NextDouble() * 0.7, random.NextDouble() * 0.7))];
    }

    [Fact]
    public void Fitting_finished_trials_are_imported_and_the_rest_counted_as_skipped()
    {
        var pruned = FrozenTrial.Start(4, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(0.5), ["y"] = ParameterValue.Of(0.5) }) with
        {
            State = TrialState.Pruned,
            IntermediateValues = ImmutableSortedDictionary<int, double>.Empty.Add(1, 0.3),
        };
        var prunedWithoutValue = pruned with { Number = 5, IntermediateValues = ImmutableSortedDictionary<int, double>.Empty };
        var trials = new List<FrozenTrial>
        {
            Completed(0, 0.1, 0.2),
            Completed(1, 1.5, 0.2), // outside x's range
            Completed(2, 0.9, 0.9), // breaks x + y <= 1.5
            FrozenTrial.Start(3, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(0.1), ["y"] = ParameterValue.Of(0.1), ["z"] = ParameterValue.Of(1.0) }) with
            {
                State = TrialState.Completed, Value = 0.1, // a parameter this space lacks
            },
            pruned,
            prunedWithoutValue,
            FrozenTrial.Start(6, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(0.1), ["y"] = ParameterValue.Of(0.1) }) with { State = TrialState.Failed },
        };

        var import = WarmStartImport.Select(Definition(), [new WarmStartSource("earlier", Loss, trials)]);

        Assert.Equal([0, 4], import.Trials.Select(t => t.Parameters["x"].AsDouble() == 0.1 ? 0 : 4));
        Assert.Equal([-2, -1], import.Trials.Select(t => t.Number));
        Assert.Equal(4, import.Skipped);
        Assert.Empty(import.Notes);
    }

    [Fact]
    public void A_sweep_ranked_by_another_metric_or_goal_is_skipped_with_a_note()
    {
        var import = WarmStartImport.Select(Definition(), [
            new WarmStartSource("other-metric", new MetricSpec("accuracy", MetricGoal.Maximize), EarlierTrials(5)),
            new WarmStartSource("other-goal", new MetricSpec("loss", MetricGoal.Maximize), EarlierTrials(3)),
            new WarmStartSource("same", Loss, EarlierTrials(2)),
        ], missing: ["gone"]);

        Assert.Equal(2, import.Imported);
        Assert.Equal(8, import.Skipped);
        Assert.Contains(import.Notes, n => n.Contains("other-metric", StringComparison.Ordinal) && n.Contains("accuracy (maximize)", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.Contains("other-goal", StringComparison.Ordinal));
        Assert.Contains(import.Notes, n => n.Contains("gone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tpe")]
    [InlineData("auto")]
    [InlineData("gp")]
    public void Imported_trials_drive_the_first_suggestions_toward_their_good_region(string method)
    {
        // The earlier sweep explored [0, 0.7]² of a bowl whose minimum is at (0.8, 0.2): its good trials sit near
        // (0.7, 0.2). Warm-started, the model is fitted from the first ask, so the first suggestions gather there; a cold
        // start spends them on its random start phase across the whole square.
        var definition = Definition(method);
        var import = WarmStartImport.Select(definition, [new WarmStartSource("earlier", Loss, EarlierTrials(40))]);
        Assert.Equal(40, import.Imported);

        double MeanDistance(ISampler sampler)
        {
            var study = new Study(definition.SearchSpace, sampler, NopPruner.Instance, MetricGoal.Minimize);
            var distances = new List<double>();
            for (var n = 0; n < 8; n++)
            {
                var p = study.Ask(n).Parameters;
                distances.Add(Math.Sqrt(Bowl(p["x"].AsDouble(), p["y"].AsDouble())));
                study.Tell(n, Bowl(p["x"].AsDouble(), p["y"].AsDouble()));
            }

            Assert.Equal(8, study.Trials.Length);
            Assert.All(study.Trials, t => Assert.True(t.Number >= 0));
            return distances.Average();
        }

        var warm = Enumerable.Range(0, 3).Average(seed => MeanDistance(WarmStartSampler.Wrap(SamplerFactory.Create(definition, seed), definition.Method, import)));
        var cold = Enumerable.Range(0, 3).Average(seed => MeanDistance(SamplerFactory.Create(definition, seed)));

        Assert.True(warm < cold * 0.6, $"warm start mean distance {warm:F3}, cold {cold:F3}");
        Assert.True(warm < 0.25, $"warm start mean distance {warm:F3}");
    }

    [Fact]
    public void Grid_search_is_not_changed_by_imported_trials()
    {
        var sampler = new GridSampler(new SearchSpace([new SearchParameter("x", new CategoricalDistribution([ParameterValue.Of(1L), ParameterValue.Of(2L)]))]));
        var import = new WarmStartImport([Completed(-1, 0, 0)], 0, []);

        Assert.Same(sampler, WarmStartSampler.Wrap(sampler, SearchMethod.Grid, import));
        Assert.NotSame(sampler, WarmStartSampler.Wrap(sampler, SearchMethod.Tpe, import));
    }
}
