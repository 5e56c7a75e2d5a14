using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Search;

public sealed class SearchSpaceTests
{
    [Fact]
    public void Conditional_layer_width_exists_only_up_to_sampled_depth()
    {
        var space = new SearchSpace(
        [
            new SearchParameter("depth", new IntDistribution(1, 3)),
            new SearchParameter("width_1", new CategoricalDistribution([ParameterValue.Of(64L), ParameterValue.Of(128L)]), new ParameterCondition("depth", Min: 1)),
            new SearchParameter("width_2", new CategoricalDistribution([ParameterValue.Of(64L), ParameterValue.Of(128L)]), new ParameterCondition("depth", Min: 2)),
            new SearchParameter("width_3", new CategoricalDistribution([ParameterValue.Of(64L), ParameterValue.Of(128L)]), new ParameterCondition("depth", Min: 3)),
        ]);
        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var config = space.SampleRandom(random);
            var depth = config["depth"].AsLong();
            Assert.Equal(depth, config.Keys.Count(k => k.StartsWith("width_", StringComparison.Ordinal)));
            Assert.Empty(space.Check(config));
        }
    }
}
