using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Tests.Search.Pruners;

public sealed class PrunerFactoryTests
{
    [Fact]
    public void Early_terminate_types_map_to_their_pruners_with_the_spec_settings()
    {
        Assert.IsType<NopPruner>(PrunerFactory.Create(null));
        Assert.IsType<NopPruner>(PrunerFactory.Create(EarlyTerminateSpec.None));

        var median = Assert.IsType<MedianPruner>(PrunerFactory.Create(new EarlyTerminateSpec(EarlyTerminateType.Median, StartupTrials: 7, WarmupEpochs: 3)));
        Assert.Equal((7, 3), (median.StartupTrials, median.WarmupSteps));

        var asha = Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create(new EarlyTerminateSpec(EarlyTerminateType.Asha, MinEpochs: 2, ReductionFactor: 4)));
        Assert.Equal((2, 4), (asha.MinResource, asha.ReductionFactor));

        var hyperband = Assert.IsType<HyperbandPruner>(PrunerFactory.Create(new EarlyTerminateSpec(EarlyTerminateType.Hyperband, MinEpochs: 1), epochs: 27));
        Assert.Equal(27, hyperband.MaxResource);
        Assert.Equal(9, Assert.IsType<HyperbandPruner>(PrunerFactory.Create(new EarlyTerminateSpec(EarlyTerminateType.Hyperband, MaxEpochs: 9), epochs: 27)).MaxResource);
    }

    [Fact]
    public void Pasha_takes_the_asha_settings_and_the_sweeps_epochs_as_its_full_budget()
    {
        var pasha = Assert.IsType<PashaPruner>(PrunerFactory.Create(new EarlyTerminateSpec(EarlyTerminateType.Pasha, MinEpochs: 2, ReductionFactor: 3), epochs: 27));

        Assert.Equal((2, 3, (int?)27), (pasha.MinResource, pasha.ReductionFactor, pasha.MaxResource));
        Assert.Equal(3, pasha.RungCount); // rungs at epochs 2, 6 and 18, all below the full 27
    }

    [Fact]
    public void Hyperband_without_a_maximum_resource_is_an_error() =>
        Assert.Throws<ArgumentException>(() => PrunerFactory.Create(new EarlyTerminateSpec(EarlyTerminateType.Hyperband)));

    [Fact]
    public void Search_methods_map_to_their_samplers()
    {
        var space = new SearchSpace([new("depth", new IntDistribution(1, 3))]);

        Assert.IsType<GridSampler>(SamplerFactory.Create(SearchMethod.Grid, space, 1));
        Assert.IsType<RandomSampler>(SamplerFactory.Create(SearchMethod.Random, space, 1));
        Assert.IsType<TpeSampler>(SamplerFactory.Create(SearchMethod.Tpe, space, 1));
    }
}
