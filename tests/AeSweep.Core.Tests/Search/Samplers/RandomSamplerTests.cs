using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;
using CsCheck;

namespace AeSweep.Core.Tests.Search.Samplers;

public sealed class RandomSamplerTests
{
    [Fact]
    public void Random_sampler_stays_inside_bounds_and_conditions_for_every_distribution_kind() =>
        Gen.Long.Select(Gen.Int[0, 10_000]).Sample((seed, trial) =>
        {
            var config = new RandomSampler(seed).Sample(new SamplingContext(Spaces.EveryKind, MetricGoal.Minimize, [], trial));
            Assert.Empty(Spaces.EveryKind.Check(config));
        }, iter: 500);

    [Fact]
    public void Random_sampler_is_determined_by_seed_and_trial_number()
    {
        var context = new SamplingContext(Spaces.EveryKind, MetricGoal.Minimize, [], 12);

        Assert.Equal(new RandomSampler(5).Sample(context), new RandomSampler(5).Sample(context));
        Assert.NotEqual(new RandomSampler(5).Sample(context), new RandomSampler(6).Sample(context));
        Assert.NotEqual(new RandomSampler(5).Sample(context), new RandomSampler(5).Sample(context with { TrialNumber = 13 }));
    }
}
