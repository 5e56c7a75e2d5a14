using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Trials;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Search.Samplers;

/// <summary>
/// Every W&amp;B distribution under every sampler: values stay in the distribution's support and on its q grid, random
/// draws follow the prior's shape, and the model samplers (tpe, gp, auto) move towards the optimum on the prior's scale.
/// </summary>
public sealed class WandbPriorSamplingTests
{
    private const string WandbParameters = """
        program: train.py
        method: random
        metric: {name: loss}
        parameters:
          k: {values: [a, b, c]}
          i: {distribution: int_uniform, min: 1, max: 4}
          u: {distribution: uniform, min: 0, max: 1}
          qu: {distribution: q_uniform, min: 1, max: 10, q: 3}
          lu: {distribution: log_uniform, min: -4, max: 0}
          qlu: {distribution: q_log_uniform, min: 0, max: 5, q: 4}
          qluv: {distribution: q_log_uniform_values, min: 16, max: 256, q: 8}
          ilu: {distribution: inv_log_uniform, min: 1, max: 3}
          n: {distribution: normal, mu: 1, sigma: 2}
          qn: {distribution: q_normal, mu: 0, sigma: 5, q: 0.5}
          ln: {distribution: log_normal, mu: 0, sigma: 1}
          qln: {distribution: q_log_normal, mu: 2, sigma: 0.5}
          b: {distribution: beta, a: 2, b: 5}
          qb: {distribution: q_beta, a: 1, b: 1, q: 0.25}
        """;

    private static SearchSpace Space()
    {
        var result = SweepDefinitionParser.Parse(WandbParameters);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Definition!.SearchSpace;
    }

    private static double Objective(IReadOnlyDictionary<string, ParameterValue> p) =>
        Math.Abs(p["n"].AsDouble() - 3) + Math.Abs(p["b"].AsDouble() - 0.6) + (p["qln"].AsDouble() / 100);

    [Theory]
    [InlineData(SearchMethod.Random)]
    [InlineData(SearchMethod.Tpe)]
    [InlineData(SearchMethod.Gp)]
    [InlineData(SearchMethod.Auto)]
    public void Every_wandb_distribution_stays_in_its_support_and_on_its_q_grid(SearchMethod method)
    {
        var space = Space();
        var study = new Study(space, SamplerFactory.Create(method, space, 5, 30), NopPruner.Instance, MetricGoal.Minimize);
        for (var t = 0; t < 30; t++)
        {
            var suggestion = study.Ask();
            foreach (var parameter in space.Parameters)
            {
                var value = suggestion.Parameters[parameter.Name];
                Assert.True(parameter.Distribution.Contains(value), $"{method} trial {t}: {parameter.Name} = {value} is outside {parameter.Distribution}");
            }

            Assert.Equal(0, suggestion.Parameters["qluv"].AsLong() % 8);
            Assert.Equal(0, suggestion.Parameters["qu"].AsLong() % 3);
            Assert.Equal(ParameterValueKind.Float, suggestion.Parameters["qln"].Kind);
            study.Tell(suggestion.Number, Objective(suggestion.Parameters));
        }
    }

    [Fact]
    public void Random_draws_follow_each_priors_shape()
    {
        var random = new Random(7);
        double Mean(ParameterDistribution d, Func<double, double>? f = null) =>
            Enumerable.Range(0, 20_000).Select(_ => (f ?? (x => x))(d.Sample(random).AsDouble())).Average();

        Assert.InRange(Mean(new PriorDistribution(PriorKind.Normal, 1, 2)), 0.95, 1.05);
        Assert.InRange(Mean(new PriorDistribution(PriorKind.Normal, 1, 2), x => (x - 1) * (x - 1)), 3.8, 4.2);
        Assert.InRange(Mean(new PriorDistribution(PriorKind.LogNormal, 0.5, 0.3), Math.Log), 0.49, 0.51);
        Assert.InRange(Mean(new PriorDistribution(PriorKind.Beta, 2, 5)), (2.0 / 7) - 0.005, (2.0 / 7) + 0.005);
        // exp(U(0, ln 100)): the median is 10.
        var logUniform = new PriorDistribution(PriorKind.LogUniform, 0, Math.Log(100));
        var draws = Enumerable.Range(0, 20_001).Select(_ => logUniform.Sample(random).AsDouble()).Order().ToList();
        Assert.InRange(draws[10_000], 9, 11);
    }

    [Fact]
    public void Quantile_and_cdf_are_inverse_for_every_prior()
    {
        PriorDistribution[] priors =
        [
            new(PriorKind.Normal, -1, 3), new(PriorKind.LogNormal, 1, 0.5), new(PriorKind.Beta, 0.5, 0.5), new(PriorKind.Beta, 2, 5),
            new(PriorKind.LogUniform, -2, 3), new(PriorKind.Uniform, 1, 10),
        ];
        foreach (var prior in priors)
        {
            foreach (var u in new[] { 0.01, 0.2, 0.5, 0.77, 0.99 })
            {
                Assert.Equal(u, prior.ToUnit(prior.FromUnit(u)), 6);
            }
        }
    }

    [Fact]
    public void Tpe_moves_a_normal_prior_towards_the_optimum()
    {
        var space = new SearchSpace([new SearchParameter("n", new PriorDistribution(PriorKind.Normal, 0, 2))]);
        var study = new Study(space, new TpeSampler(3), NopPruner.Instance, MetricGoal.Minimize);
        for (var t = 0; t < 40; t++)
        {
            var s = study.Ask();
            study.Tell(s.Number, Math.Abs(s.Parameters["n"].AsDouble() - 1.5));
        }

        Assert.True(study.BestTrial!.Value < 0.1, $"best {study.BestTrial.Value}");
    }

    [Fact]
    public void Grid_refuses_a_prior_as_wandb_does()
    {
        var result = SweepDefinitionParser.Parse("program: train.py\nmethod: grid\nmetric: {name: loss}\nparameters: {n: {distribution: normal}}\n");

        Assert.Contains(result.Errors, e => e.Path == "parameters.n" && e.Message.Contains("grid", StringComparison.Ordinal));
    }
}
