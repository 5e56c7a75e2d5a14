using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using CsCheck;

namespace AeSweep.Core.Tests.Search;

public sealed class SampledConfigurationPropertyTests
{
    private static readonly Gen<ParameterDistribution> Distributions = Gen.OneOf<ParameterDistribution>(
        Gen.Select(Gen.Double[-1e3, 1e3], Gen.Double[1e-3, 1e3], (low, width) => new FloatDistribution(low, low + width)),
        Gen.Select(Gen.Double[1e-6, 1e2], Gen.Double[1.01, 1e4], (low, ratio) => new FloatDistribution(low, low * ratio, log: true)),
        Gen.Select(Gen.Double[-10, 10], Gen.Int[1, 50], Gen.Double[0.01, 2], (low, steps, step) => new FloatDistribution(low, low + (steps * step), step: step)),
        Gen.Select(Gen.Long[-1000, 1000], Gen.Long[1, 1000], Gen.Long[1, 7], (low, width, step) => new IntDistribution(low, low + width, step: step)),
        Gen.Select(Gen.Long[1, 100], Gen.Long[1, 10_000], (low, width) => new IntDistribution(low, low + width, log: true)),
        Gen.Int[1, 6].Select(n => new CategoricalDistribution([.. Enumerable.Range(0, n).Select(i => ParameterValue.Of($"c{i}"))])),
        Gen.Long.Select(v => new ConstantDistribution(ParameterValue.Of(v))));

    [Fact]
    public void Sampled_values_lie_inside_every_distribution()
    {
        Gen.Select(Distributions, Gen.Int).Sample((distribution, seed) =>
        {
            var random = new Random(seed);
            return Enumerable.Range(0, 20).All(_ => distribution.Contains(distribution.Sample(random)));
        }, iter: 2000);
    }

    [Fact]
    public void Sampled_configurations_respect_conditions_of_parsed_sweeps()
    {
        var definition = SweepDefinitionParser.ParseFile(Path.Combine(RepositoryPaths.Examples, "fashion-vae.yaml"), checkFilesExist: false).Definition!;
        var withLayers = SweepDefinitionParser.ParseFile(Path.Combine(RepositoryPaths.Examples, "fashion-dense-quick.yaml"), checkFilesExist: false).Definition!;

        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            foreach (var space in new[] { definition.SearchSpace, withLayers.SearchSpace })
            {
                var config = space.SampleRandom(random);
                if (space.Check(config).Count != 0)
                {
                    return false;
                }

                if (space.Find("beta") is not null && config.ContainsKey("beta") != (config["model"].AsString() == "vae"))
                {
                    return false;
                }

                if (space.Find("width_1") is not null && config.TryGetValue("depth", out var depth) && config.Keys.Count(k => k.StartsWith("width_", StringComparison.Ordinal)) != depth.AsLong())
                {
                    return false;
                }
            }

            return true;
        }, iter: 1000);
    }
}
