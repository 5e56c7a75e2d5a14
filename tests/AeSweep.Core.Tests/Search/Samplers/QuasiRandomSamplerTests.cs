using AeSweep.Core.Search;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;
using CsCheck;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class QuasiRandomSamplerTests
{
    private static readonly SearchSpace UnitCube4 = new(Enumerable.Range(0, 4).Select(i => new SearchParameter($"x{i}", new FloatDistribution(0, 1))));

    private static IReadOnlyDictionary<string, ParameterValue> Suggest(ISampler sampler, SearchSpace space, int trial) =>
        sampler.Sample(new SamplingContext(space, MetricGoal.Minimize, [], trial))!;

    private static double[][] Points(ISampler sampler, int count) =>
        [.. Enumerable.Range(0, count).Select(t => Suggest(sampler, UnitCube4, t)).Select(c => Enumerable.Range(0, 4).Select(i => c[$"x{i}"].AsDouble()).ToArray())];

    // Warnock's closed form of the L2-star discrepancy: how far the points' share of every anchored box is from its volume.
    private static double L2StarDiscrepancy(double[][] points)
    {
        var n = points.Length;
        var d = points[0].Length;
        var single = points.Sum(x => x.Aggregate(1.0, (p, v) => p * (1 - (v * v))));
        var pairs = 0.0;
        foreach (var a in points)
        {
            foreach (var b in points)
            {
                var product = 1.0;
                for (var k = 0; k < d; k++)
                {
                    product *= 1 - Math.Max(a[k], b[k]);
                }

                pairs += product;
            }
        }

        return Math.Sqrt(Math.Pow(3, -d) - (Math.Pow(2, 1 - d) / n * single) + (pairs / (n * n)));
    }

    [Fact]
    public void Quasi_random_points_cover_the_space_more_evenly_than_random_ones()
    {
        var seeds = Enumerable.Range(0, 15).ToArray();
        var quasi = seeds.Select(s => L2StarDiscrepancy(Points(new QuasiRandomSampler(s), 64))).Order().ToArray();
        var random = seeds.Select(s => L2StarDiscrepancy(Points(new RandomSampler(s), 64))).Order().ToArray();

        // Low discrepancy means roughly half the random median or less for 64 points in 4 dimensions, and every scramble beats it.
        Assert.True(quasi[7] < 0.6 * random[7], $"median discrepancy: quasi-random {quasi[7]:G3}, random {random[7]:G3}");
        Assert.True(quasi[^1] < random[7], $"worst quasi-random {quasi[^1]:G3}, median random {random[7]:G3}");
    }

    [Fact]
    public void Integer_categorical_and_log_parameters_get_equal_shares_of_the_first_trials()
    {
        // Dimension 0 has base 2, dimension 1 base 3, dimension 2 base 5: the first bᵏ points put one in each of bᵏ cells.
        var space = new SearchSpace(
        [
            new("act", Spaces.Categorical("relu", "tanh", "gelu", "elu")),
            new("depth", new IntDistribution(1, 3)),
            new("lr", new FloatDistribution(1e-5, 1, log: true)),
        ]);
        for (var seed = 0; seed < 5; seed++)
        {
            var sampler = new QuasiRandomSampler(seed);
            var configs = Enumerable.Range(0, 25).Select(t => Suggest(sampler, space, t)).ToList();

            Assert.All(configs.Take(8).GroupBy(c => c["act"]), g => Assert.Equal(2, g.Count()));
            Assert.Equal(4, configs.Take(8).Select(c => c["act"]).Distinct().Count());
            Assert.All(configs.Take(9).GroupBy(c => c["depth"]), g => Assert.Equal(3, g.Count()));
            Assert.Equal(3, configs.Take(9).Select(c => c["depth"]).Distinct().Count());
            // Five decades of learning rate, one point per decade in the first five trials (even in log space).
            Assert.Equal([-5, -4, -3, -2, -1], configs.Take(5).Select(c => (int)Math.Floor(Math.Log10(c["lr"].AsDouble()))).Order());
        }
    }

    [Fact]
    public void Quasi_random_sampler_stays_inside_bounds_and_conditions_for_every_distribution_kind() =>
        Gen.Long.Select(Gen.Int[0, 10_000]).Sample((seed, trial) =>
        {
            var config = Suggest(new QuasiRandomSampler(seed), Spaces.EveryKind, trial);
            Assert.Empty(Spaces.EveryKind.Check(config));
        }, iter: 500);

    [Fact]
    public void A_conditional_parameter_appears_exactly_where_its_condition_holds()
    {
        var sampler = new QuasiRandomSampler(4);
        var configs = Enumerable.Range(0, 60).Select(t => Suggest(sampler, Spaces.EveryKind, t)).ToList();

        Assert.All(configs, c => Assert.Equal(c["model"].AsString() == "vae", c.ContainsKey("beta")));
        Assert.All(configs, c => Assert.Equal(c.TryGetValue("beta", out var beta) && beta.AsDouble() >= 1.0, c.ContainsKey("kl_warmup")));
        Assert.Contains(configs, c => c.ContainsKey("kl_warmup"));
    }

    [Fact]
    public void Quasi_random_points_are_determined_by_seed_and_trial_number()
    {
        Assert.Equal(Suggest(new QuasiRandomSampler(9), Spaces.EveryKind, 17), Suggest(new QuasiRandomSampler(9), Spaces.EveryKind, 17));
        Assert.NotEqual(Suggest(new QuasiRandomSampler(9), Spaces.EveryKind, 17), Suggest(new QuasiRandomSampler(10), Spaces.EveryKind, 17));
        Assert.NotEqual(Suggest(new QuasiRandomSampler(9), Spaces.EveryKind, 17), Suggest(new QuasiRandomSampler(9), Spaces.EveryKind, 18));
        Assert.Equal(new QuasiRandomSampler(9).Point(123_456, 13), new QuasiRandomSampler(9).Point(123_456, 13));
    }
}
