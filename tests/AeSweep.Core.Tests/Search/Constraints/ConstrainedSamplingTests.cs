using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Constraints;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Constraints;

/// <summary>
/// No sampler ever suggests a configuration that breaks the sweep's constraints, whatever the history; the model
/// samplers choose among feasible candidates instead of relying on the fallback; grid counts feasible points only.
/// </summary>
public sealed class ConstrainedSamplingTests
{
    private const string Space = """
        name: constrained
        dataset: {name: synthetic, limit: 200}
        model: dense
        parameters:
          code_size: {values: [2, 4, 8, 16, 32]}
          width:     {values: [16, 32, 64, 128, 256]}
          depth:     {min: 1, max: 6}
          loss:      {values: [mse, bce]}
          epochs:    {value: 1}
        budget: {max_trials: 500}
        constraints: ["depth * width <= 256", "code_size < width", "loss == 'mse' or depth <= 2"]

        """;

    private static readonly SweepConstraints Rules = SweepConstraints.Parse(["depth * width <= 256", "code_size < width", "loss == 'mse' or depth <= 2"]);

    // The best configurations of this objective break the rules (large depth and width), so a model sampler is pulled
    // toward the infeasible region and the constraints are really tested.
    private static double Objective(IReadOnlyDictionary<string, ParameterValue> p) =>
        -(p["depth"].AsDouble() * p["width"].AsDouble()) + p["code_size"].AsDouble() + (p["loss"].AsString() == "bce" ? -50 : 0);

    [Theory]
    [InlineData("method: random", 500)]
    [InlineData("method: grid", 500)]
    [InlineData("method: tpe", 500)]
    [InlineData("method: {type: tpe, multivariate: true}", 500)]
    [InlineData("method: auto", 500)]
    [InlineData("method: gp", 150)]
    [InlineData("method: tpe\nmetrics: [{name: val_mse}, {name: code_size}]", 500)]
    public void Every_suggestion_of_every_sampler_satisfies_the_constraints(string method, int asks)
    {
        var definition = SweepDefinitionParser.Parse(Space + method).Definition ?? throw new InvalidOperationException(string.Join("; ", SweepDefinitionParser.Parse(Space + method).Errors));
        var study = new Study(definition.SearchSpace, SamplerFactory.Create(definition, seed: 7), NopPruner.Instance, definition.Metric.Goal);
        var suggested = 0;
        for (var n = 0; n < asks; n++)
        {
            if (!study.TryAsk(n, out var suggestion))
            {
                break;
            }

            suggested++;
            Assert.True(Rules.IsSatisfiedBy(suggestion.Parameters), $"trial {n} broke a rule: {string.Join(", ", suggestion.Parameters)}");
            Assert.Empty(definition.SearchSpace.Check(suggestion.Parameters));
            var value = Objective(suggestion.Parameters);
            if (definition.IsMultiObjective)
            {
                study.Tell(n, TrialState.Completed, value, objectiveValues: [value, suggestion.Parameters["code_size"].AsDouble()]);
            }
            else
            {
                study.Tell(n, value);
            }
        }

        Assert.True(suggested >= Math.Min(asks, FeasibleGridPoints(definition)), $"only {suggested} suggestions");
    }

    [Fact]
    public void Grid_search_enumerates_only_feasible_points()
    {
        var definition = SweepDefinitionParser.Parse(Space + "method: grid").Definition!;
        var all = new GridSampler(definition.SearchSpace);
        var feasible = new GridSampler(definition.SearchSpace, constraints: definition.Constraints);

        Assert.Equal(all.Points.Count(Rules.IsSatisfiedBy), feasible.Size);
        Assert.True(feasible.Size < all.Size);
        Assert.All(feasible.Points, p => Assert.True(Rules.IsSatisfiedBy(p)));
    }

    [Theory]
    [InlineData("method: tpe")]
    [InlineData("method: gp")]
    [InlineData("method: tpe\nmetrics: [{name: val_mse}, {name: code_size}]")]
    public void Model_samplers_choose_among_feasible_candidates_themselves(string method)
    {
        // The model sampler alone (not wrapped), given the constraints in its context, after a feasible history: its
        // suggestions are feasible without the wrapper's resampling, because infeasible candidates never win.
        var definition = SweepDefinitionParser.Parse(Space + method).Definition!;
        var inner = ((ConstrainedSampler)SamplerFactory.Create(definition, seed: 3)).Inner;
        var history = new List<FrozenTrial>();
        var random = new Random(5);
        for (var n = 0; n < 30; n++)
        {
            var p = Enumerable.Range(0, 1000).Select(_ => definition.SearchSpace.SampleRandom(random)).First(Rules.IsSatisfiedBy);
            var value = Objective(p);
            history.Add(FrozenTrial.Start(n, p) with
            {
                State = TrialState.Completed,
                Value = value,
                ObjectiveValues = definition.IsMultiObjective ? [value, p["code_size"].AsDouble()] : [],
            });
        }

        var feasible = 0;
        const int asks = 20;
        for (var n = 30; n < 30 + asks; n++)
        {
            var suggestion = inner.Sample(new SamplingContext(definition.SearchSpace, definition.Metric.Goal, history, n, definition.Constraints));
            feasible += suggestion is not null && Rules.IsSatisfiedBy(suggestion) ? 1 : 0;
        }

        Assert.Equal(asks, feasible);
    }

    [Fact]
    public void Without_the_constraints_the_same_model_samplers_do_break_them()
    {
        // The counterpart of the test above: the objective pulls TPE into the infeasible region, so the constraints
        // (not the objective) are what keeps the suggestions feasible.
        var definition = SweepDefinitionParser.Parse(Space + "method: tpe").Definition! with { Constraints = SweepConstraints.Empty };
        var study = new Study(definition.SearchSpace, SamplerFactory.Create(definition, seed: 7), NopPruner.Instance, definition.Metric.Goal);
        var broken = 0;
        for (var n = 0; n < 60; n++)
        {
            var suggestion = study.Ask(n);
            broken += Rules.IsSatisfiedBy(suggestion.Parameters) ? 0 : 1;
            study.Tell(n, Objective(suggestion.Parameters));
        }

        Assert.True(broken > 20, $"only {broken} of 60 broke a rule");
    }

    private static int FeasibleGridPoints(SweepDefinition definition) =>
        new GridSampler(definition.SearchSpace, constraints: definition.Constraints).Size;
}
