using AeSweep.Core.Definitions;
using AeSweep.Core.Search.Pruners;

namespace AeSweep.Core.Tests.Search.Pruners;

/// <summary>The epochs a pruner judges at, where trials write a checkpoint whatever the cadence.</summary>
public sealed class PruningRungsTests
{
    [Fact]
    public void Asha_judges_at_min_epochs_times_powers_of_the_reduction_factor()
    {
        Assert.Equal([1, 3, 9], PruningRungs.Epochs(new EarlyTerminateSpec(EarlyTerminateType.Asha, MinEpochs: 1, ReductionFactor: 3), 10));
    }

    [Fact]
    public void Hyperband_brackets_together_judge_at_the_same_geometric_epochs()
    {
        Assert.Equal([2, 4, 8, 16], PruningRungs.Epochs(new EarlyTerminateSpec(EarlyTerminateType.Hyperband, MinEpochs: 2, ReductionFactor: 2, MaxEpochs: 16), 16));
    }

    [Theory]
    [InlineData(EarlyTerminateType.None)]
    [InlineData(EarlyTerminateType.Median)]
    public void Pruners_without_rungs_give_none(EarlyTerminateType type)
    {
        Assert.Empty(PruningRungs.Epochs(new EarlyTerminateSpec(type), 100));
    }
}
